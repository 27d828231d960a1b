# Reference inertias for test/engine/kmeans.test.ts, from an independent k-means: SciPy's
# scipy.cluster.vq.kmeans2 (k-means++ seeding, minit="++"), best of 20 restarts (seeds 0..19).
# Data: the 995 customers of R's rfm_data_orders (test/reference/rfm/rfm_data_orders.csv), as of
# 2006-12-31: recency days (lower is better, negated), orders, revenue; z-scores with the sample sd.
# Run: python3 test/reference/kmeans/scipy_inertia.py   (numpy 2.4.6, scipy 1.17.1 gave the numbers in the test)
import csv, datetime, os
import numpy as np
from scipy.cluster.vq import kmeans2

here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(os.path.join(here, "..", "rfm", "rfm_data_orders.csv"))))
asof = datetime.date(2006, 12, 31)
customers = {}
for r in rows:
    d = datetime.date.fromisoformat(r["order_date"])
    c = customers.setdefault(r["customer_id"], [d, 0, 0.0])
    c[0] = max(c[0], d)
    c[1] += 1
    c[2] += float(r["revenue"])
X = np.array([[-(asof - c[0]).days, c[1], c[2]] for c in customers.values()], float)
Z = (X - X.mean(axis=0)) / X.std(axis=0, ddof=1)
for k in (2, 3, 4, 5, 6):
    best = np.inf
    for seed in range(20):
        centers, labels = kmeans2(Z, k, iter=300, minit="++", seed=seed)
        inertia = float(((Z - centers[labels]) ** 2).sum())
        best = min(best, inertia)
    print(k, repr(best))
