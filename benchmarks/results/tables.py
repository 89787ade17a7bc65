"""Padlock/SunJSSE tables from JMH JSON: tables.py main.json [override.json ...]

Rows of later files replace the same benchmark and parameters of the first (used for the
ChaCha20 rows measured again after a fix). Bounds come from PrimitivesBenchmark in the first.
"""
import json, sys, collections
data = json.load(open(sys.argv[1]))
for extra in sys.argv[2:]:
    def _key(b):
        return (b['benchmark'], tuple(sorted(b.get('params', {}).items())))
    replacement = {_key(b): b for b in json.load(open(extra))}
    data = [replacement.get(_key(b), b) for b in data]
def key(b):
    p = dict(b.get('params', {}))
    return b['benchmark'].split('.')[-2] + '.' + b['benchmark'].split('.')[-1], p
rows = {}
prims = {}
alloc = {}
for b in data:
    name, p = key(b)
    m = b['primaryMetric']
    score, err = m['score'], m['scoreError']
    if err != err: err = 0.0
    sec = b.get('secondaryMetrics', {})
    an = None
    for k, v in sec.items():
        if k.endswith('gc.alloc.rate.norm'):
            an = (v['score'], v['scoreError'])
    if name.startswith('PrimitivesBenchmark'):
        prims[name.split('.')[-1]] = (score, err, an)
        continue
    prov = p.pop('provider')
    k = (name, tuple(sorted(p.items())))
    rows.setdefault(k, {})[prov] = (score, err, an)
def bound(name, params):
    d = dict(params)
    if name in ('BulkBenchmark.bulk', 'SocketBulkBenchmark.socketBulk'):
        prim = {'TLS_AES_128_GCM_SHA256': 'aesGcm128', 'TLS_AES_256_GCM_SHA384': 'aesGcm256',
                'TLS_CHACHA20_POLY1305_SHA256': 'chaCha20Poly1305'}[d['suite']]
        return prims[prim][0] / 64, prim + ' / 64'
    if name == 'SmallRecordsBenchmark.write':
        prim = 'aesGcm128Record64' if d['size'] == '64' else 'aesGcm128Record1024'
        return prims[prim][0], prim
    if name == 'HandshakeBenchmark.fullHandshake':
        sig = {'EC': 'ecdsaP256', 'RSA': 'rsaPss2048', 'Ed25519': 'ed25519'}[d['keyType']]
        return 1 / (1 / prims['x25519'][0] + 1 / prims[sig][0]), 'x25519 + ' + sig
    if name == 'ResumedHandshakeBenchmark.resumedHandshake':
        return prims['x25519'][0], 'x25519'
    return None, ''
def fmt(x):
    return f'{x:,.0f}' if x >= 100 else f'{x:,.1f}'
print('| benchmark | params | Padlock ops/s | SunJSSE ops/s | Padlock/SunJSSE (interval) | bound ops/s (from) | Padlock / bound | SunJSSE / bound |')
print('|---|---|---|---|---|---|---|---|')
for (name, params), v in rows.items():
    P, S = v['Padlock'], v['SunJSSE']
    r = P[0] / S[0]
    lo = (P[0] - P[1]) / (S[0] + S[1]); hi = (P[0] + P[1]) / (S[0] - S[1]) if S[0] > S[1] else float('inf')
    b, bn = bound(name, params)
    ps = ', '.join(f'{k}={v}' for k, v in params)
    bs = f'{fmt(b)} ({bn})' if b else ''
    # Bold only where the ratio's interval excludes 1.
    rs = f'**{r:.2f}**' if lo > 1 or hi < 1 else f'{r:.2f}'
    if b:
        print(f'| {name} | {ps} | {fmt(P[0])} ± {fmt(P[1])} | {fmt(S[0])} ± {fmt(S[1])} | {rs} ({max(lo,0):.2f}–{hi:.2f}) | {bs} | {P[0]/b:.2f} | {S[0]/b:.2f} |')
    else:
        print(f'| {name} | {ps} | {fmt(P[0])} ± {fmt(P[1])} | {fmt(S[0])} ± {fmt(S[1])} | {rs} ({max(lo,0):.2f}–{hi:.2f}) | | | |')
print()
print('| primitive | ops/s | B/op |')
print('|---|---|---|')
for k, (s, e, an) in prims.items():
    print(f'| {k} | {fmt(s)} ± {fmt(e)} | {an[0]:,.0f} |' if an else f'| {k} | {fmt(s)} ± {fmt(e)} | |')
print()
print('| benchmark | params | Padlock B/op | SunJSSE B/op | Padlock B per record | SunJSSE B per record (64 B) |')
print('|---|---|---|---|---|---|')
for (name, params), v in rows.items():
    P, S = v['Padlock'][2], v['SunJSSE'][2]
    if not P: continue
    ps = ', '.join(f'{k}={v}' for k, v in params)
    per = ''
    if name == 'BulkBenchmark.bulk':
        per = f'| {P[0]/64:,.0f} | |'
    elif name == 'SmallRecordsBenchmark.write':
        per = f'| {P[0]:,.0f} | {S[0]:,.0f} |'
    else:
        per = '| | |'
    print(f"| {name} | {ps} | {P[0]:,.0f} ± {P[1]:,.0f} | {S[0]:,.0f} ± {S[1]:,.0f} {per}")
