import glob, json, os, statistics, sys
OUT = os.environ.get("OUT", "/tmp/pages-open")
label = sys.argv[1]
def load(side):
    out = []
    for f in sorted(glob.glob(f"{OUT}/ab-{label}-{side}-*.json")):
        for fig in json.load(open(f))["figures"]:
            if fig["name"] == "page_open" and "detail" in fig and "open_ms" in fig["detail"]:
                out.append(fig["detail"])
    return out
b, n = load("base"), load("new")
print(f"{label}: rounds base {len(b)} new {len(n)}")
if not b or not n: sys.exit()
pages = list(b[0]["open_ms"])
def med(ds, key, p): return statistics.median(d[key][p] for d in ds)
cpu = "open_cpu_ms" in b[0] and "open_cpu_ms" in n[0]
print("| page | open old | open new | re-open old | re-open new | first visit old | first visit new | GUI CPU open old | new |" + (" CPU open old | new |" if cpu else ""))
print("|---|---|---|---|---|---|---|---|---|" + ("---|---|" if cpu else ""))
for p in pages:
    print(f"| {p} | {med(b,'open_ms',p):.0f} | {med(n,'open_ms',p):.0f} | {med(b,'reopen_ms',p):.0f} | {med(n,'reopen_ms',p):.0f} | {med(b,'first_visit_ms',p):.0f} | {med(n,'first_visit_ms',p):.0f} | {med(b,'open_gui_thread_cpu_ms',p):.0f} | {med(n,'open_gui_thread_cpu_ms',p):.0f} |" + (f" {med(b,'open_cpu_ms',p):.0f} | {med(n,'open_cpu_ms',p):.0f} |" if cpu else ""))
print("bare page:", statistics.median(statistics.median(d["bare_page_ms"]) for d in b), statistics.median(statistics.median(d["bare_page_ms"]) for d in n))
