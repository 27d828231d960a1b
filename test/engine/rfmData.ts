// Reads test/reference/rfm/rfm_data_orders.csv (R's rfm sample orders; see its README) into columns.
import { readFileSync } from "fs";
import { join } from "path";
import { serialOfDate } from "../../src/engine/orders";

export interface RfmOrders {
  customer: string[];
  date: number[];
  amount: number[];
}

export function readRfmOrders(): RfmOrders {
  const text = readFileSync(join(__dirname, "..", "reference", "rfm", "rfm_data_orders.csv"), "utf8");
  const lines = text.split("\n").filter((l) => l !== "");
  const out: RfmOrders = { customer: [], date: [], amount: [] };
  for (const line of lines.slice(1)) {
    // No field holds a comma or a quote (checked when the file was written).
    const [customer, date, amount] = line.split(",");
    const [y, m, d] = date.split("-").map(Number);
    out.customer.push(customer);
    out.date.push(serialOfDate(y, m, d));
    out.amount.push(Number(amount));
  }
  return out;
}
