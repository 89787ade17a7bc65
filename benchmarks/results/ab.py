"""Before/after table from two JMH JSON files of the same benchmarks: ab.py before.json after.json"""
import json, sys
def load(p):
    out={}
    d=json.load(open(p))
    for b in d:
        name=b['benchmark'].split('.')[-2]+'.'+b['benchmark'].split('.')[-1]
        params=', '.join(f'{k}={v}' for k,v in sorted(b.get('params',{}).items()) if k!='provider')
        m=b['primaryMetric']
        an=[v for k,v in b.get('secondaryMetrics',{}).items() if k.endswith('gc.alloc.rate.norm')]
        an=an[0] if an else {'score':float('nan'),'scoreError':0}
        out[(name,params)]=(m['score'],m['scoreError'],an['score'],an['scoreError'])
    return out
o=load(sys.argv[1]); n=load(sys.argv[2])
print('| benchmark | params | before ops/s | after ops/s | after/before | before B/op | after B/op |')
print('|---|---|---|---|---|---|---|')
for k in o:
    if k in n:
        a=o[k]; b=n[k]
        print(f'| {k[0]} | {k[1]} | {a[0]:,.0f} ± {a[1]:,.0f} | {b[0]:,.0f} ± {b[1]:,.0f} | {b[0]/a[0]:.2f} | {a[2]:,.0f} | {b[2]:,.0f} |')
