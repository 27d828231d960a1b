# Reference numbers for test/engine/pca.test.ts from an independent eigen-decomposition: numpy's
# corrcoef and linalg.eigh (LAPACK dsyevd). Data: the 995 customers of R's rfm_data_orders
# (test/reference/rfm/rfm_data_orders.csv) as of 2006-12-31, five indicators: recency days,
# orders, revenue, average order value, tenure days (first order to 2006-12-31).
# Run: python3 test/reference/pca/numpy_pca.py   (numpy 2.4.6 gave the numbers in the test)
import csv, datetime, os
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(os.path.join(here, "..", "rfm", "rfm_data_orders.csv"))))
asof = datetime.date(2006, 12, 31)
c = {}
for r in rows:
    d = datetime.date.fromisoformat(r["order_date"])
    x = c.setdefault(r["customer_id"], [d, d, 0, 0.0])
    x[0] = max(x[0], d); x[1] = min(x[1], d); x[2] += 1; x[3] += float(r["revenue"])
X = np.array([[(asof - v[0]).days, v[2], v[3], v[3] / v[2], (asof - v[1]).days] for v in c.values()], float)
R = np.corrcoef(X, rowvar=False)
lam, E = np.linalg.eigh(R)
order = np.argsort(lam)[::-1]
lam, E = lam[order], E[:, order]
kept = max(1, int((lam > 1).sum()))
w = (np.abs(E[:, :kept]) * (lam[:kept] / lam[:kept].sum())).sum(axis=1)
w /= w.sum()
np.set_printoptions(precision=17)
print("eigenvalues", [repr(float(x)) for x in lam])
print("kept", kept)
print("weights", [repr(float(x)) for x in w])
print("R01", repr(float(R[0, 1])))
