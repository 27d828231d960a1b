// The stand-in's model of Excel's custom XML parts (workbook.customXmlParts), wired into
// excel-standin.ts. Only the members the executor uses exist; each rule below has its source:
// - every member needs ExcelApi 1.5 ("[Api set: ExcelApi 1.5]" on CustomXmlPartCollection,
//   CustomXmlPartScopedCollection and CustomXmlPart in @types/office-js): ApiNotFound at sync below it;
// - add(xml): "XML content. Must be a valid XML fragment" (Excel.CustomXmlPartCollection.add,
//   learn.microsoft.com): text that is not well-formed XML is refused with InvalidArgument. Whether
//   Excel accepts an XML declaration in a "fragment" is not documented: the stand-in refuses it and the
//   add-in never sends one;
// - a part's namespaceUri is its root element's namespace; getByNamespace(ns) is the scoped collection
//   of the parts whose namespace is exactly ns ("a fully qualified schema URI"); getByNamespace("")
//   throws InvalidArgument (office-js #2580, Word's same API, "by design"; Excel's is not documented, so
//   the stand-in refuses it too);
// - getXml() returns a ClientResult whose value exists only after sync; setXml replaces the content
//   (a different root namespace is refused: not documented); delete() removes the part;
// - each part has an id, a GUID in braces as Excel and ECMA-376's ds:itemID write it.
// Writes are queued and applied in order at sync, like every other member of the stand-in.

import { DOMParser, onErrorStopParsing } from "@xmldom/xmldom";
import { StandinError } from "./excel-standin";
import type { RequestContext } from "./excel-standin";
import { parseStateXml, STATE_NAMESPACE } from "../../src/workbook/planning/state";
import type { OwnedState } from "../../src/workbook/types";

export interface CustomXmlModel {
  id: string;
  namespaceUri: string;
  xml: string;
}


/** Parts created per workbook: ids are GUID-shaped and deterministic, so two equal runs snapshot equal. */
const created = new WeakMap<object, number>();
function nextId(model: object): string {
  const n = (created.get(model) ?? 0) + 1;
  created.set(model, n);
  return `{5EC0DE00-0000-4000-8000-${n.toString(16).toUpperCase().padStart(12, "0")}}`;
}

/** The namespace of well-formed XML's root element, or an InvalidArgument error. */
function namespaceOf(xml: string): string {
  if (/^\s*<\?xml/.test(xml)) throw new StandinError("InvalidArgument", "the stand-in refuses an XML declaration in customXmlParts.add/setXml (undocumented)");
  let root;
  try {
    root = new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, "text/xml").documentElement;
  } catch (error) {
    throw new StandinError("InvalidArgument", `not well-formed XML: ${(error as Error).message}`);
  }
  if (!root) throw new StandinError("InvalidArgument", "no root element");
  return root.namespaceURI ?? "";
}

/** A value known only after sync, like OfficeExtension.ClientResult. */
export class ClientResult<T> {
  private known = false;
  private result?: T;
  set(value: T): void {
    this.result = value;
    this.known = true;
  }
  get value(): T {
    if (!this.known) throw new StandinError("PropertyNotLoaded", "ClientResult.value was read before sync");
    return this.result as T;
  }
}

export class CustomXmlPartCollection {
  constructor(private ctx: RequestContext) {}

  add(xml: string): CustomXmlPart {
    let id: string | undefined;
    this.ctx.enqueue(["add", xml], () => {
      this.ctx.model.requireApi("Workbook.customXmlParts");
      this.ctx.model.requireApi("CustomXmlPartCollection.add");
      const namespaceUri = namespaceOf(xml);
      id = nextId(this.ctx.model);
      this.ctx.model.customXmlParts.push({ id, namespaceUri, xml });
    });
    return new CustomXmlPart(this.ctx, () => this.ctx.model.customXmlParts.find((p) => p.id === id));
  }

  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollection {
    return new CustomXmlPartScopedCollection(this.ctx, namespaceUri);
  }
}

export class CustomXmlPartScopedCollection {
  private proxies?: CustomXmlPart[];
  constructor(private ctx: RequestContext, private namespaceUri: string) {}

  get items(): CustomXmlPart[] {
    if (!this.proxies) throw new StandinError("PropertyNotLoaded", "CustomXmlPartScopedCollection.items was read before load and sync");
    return this.proxies;
  }

  load(props?: string | string[]): this {
    const names = (typeof props === "string" ? props.split(",") : props ?? []).map((s) => s.trim().replace(/^items\//, "")).filter(Boolean);
    this.ctx.enqueue(["getByNamespace", this.namespaceUri, names], () => {
      this.ctx.model.requireApi("Workbook.customXmlParts");
      this.ctx.model.requireApi("CustomXmlPartCollection.getByNamespace");
      if (this.namespaceUri === "") throw new StandinError("InvalidArgument", "getByNamespace needs a namespace URI");
      for (const name of names) if (name !== "id" && name !== "namespaceUri") throw new StandinError("InvalidArgument", `CustomXmlPart has no property ${name} in the stand-in`);
      const parts = this.ctx.model.customXmlParts.filter((p) => p.namespaceUri === this.namespaceUri);
      this.proxies = parts.map((part) => {
        const id = part.id;
        const proxy = new CustomXmlPart(this.ctx, () => this.ctx.model.customXmlParts.find((p) => p.id === id));
        proxy.preload(part, names);
        return proxy;
      });
      return parts.map((p) => names.map((n) => (n === "id" ? p.id : p.namespaceUri)));
    });
    return this;
  }
}

export class CustomXmlPart {
  private loaded = new Map<string, string>();
  constructor(private ctx: RequestContext, private resolve: () => CustomXmlModel | undefined) {}

  preload(part: CustomXmlModel, names: string[]): void {
    for (const name of names) this.loaded.set(name, name === "id" ? part.id : part.namespaceUri);
  }

  get id(): string {
    if (!this.loaded.has("id")) throw new StandinError("PropertyNotLoaded", "CustomXmlPart.id was read before load and sync");
    return this.loaded.get("id")!;
  }

  private part(member: "getXml" | "setXml" | "delete"): CustomXmlModel {
    this.ctx.model.requireApi(`CustomXmlPart.${member}`);
    const part = this.resolve();
    if (!part) throw new StandinError("ItemNotFound", "the custom XML part does not exist");
    return part;
  }

  getXml(): ClientResult<string> {
    const result = new ClientResult<string>();
    this.ctx.enqueue("getXml", () => {
      const xml = this.part("getXml").xml;
      result.set(xml);
      return xml;
    });
    return result;
  }

  setXml(xml: string): void {
    this.ctx.enqueue(["setXml", xml], () => {
      const part = this.part("setXml");
      const namespaceUri = namespaceOf(xml);
      if (namespaceUri !== part.namespaceUri) throw new StandinError("InvalidArgument", "the stand-in refuses a setXml that changes the part's namespace (undocumented)");
      part.xml = xml;
    });
  }

  delete(): void {
    this.ctx.enqueue("delete", () => {
      const part = this.part("delete");
      const parts = this.ctx.model.customXmlParts;
      parts.splice(parts.indexOf(part), 1);
    });
  }
}

/** The add-in's state as the stand-in workbook holds it (its Custom XML part), for tests. */
export function recordedState(model: { customXmlParts: CustomXmlModel[] }): OwnedState | undefined {
  const part = model.customXmlParts.find((p) => p.namespaceUri === STATE_NAMESPACE);
  return part && parseStateXml(part.xml);
}
