#!/usr/bin/env python3
"""Checks that the console prints results exactly as iex does, on random values.

Usage: scripts/check-inspect.py SUPLAB_CLI [SEED] [COUNT]

Random Elixir literals (atoms, integers, strings, tuples, lists, keyword lists and
maps, nested and of every width around 80 columns) are printed by Elixir's IO.inspect
(the layout iex uses) and by `suplab-cli console`; any difference is shown and the exit
status is 1. Needs Debian's elixir.
"""
import random
import subprocess
import sys
import tempfile

cli = sys.argv[1]
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
N = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
SCENARIO = __file__.rsplit("/scripts/", 1)[0] + "/resources/scenarios/01_counter_kvstore.json"
def atom():
    return random.choice([':ok',':error',':worker',':a',':some_longer_atom_name','Counter','KVStore','MyApp.Supervisor',':"foo bar"','nil','true'])
def scalar():
    r=random.random()
    if r<0.3: return str(random.randint(-5,100000))
    if r<0.5: return atom()
    if r<0.75: return '"'+'x'*random.choice([0,1,5,12,20,35,60,75,78,79,80,85])+'"'
    return '[]'
def val(d):
    if d<=0 or random.random()<0.35: return scalar()
    r=random.random()
    n=random.choice([0,1,2,3,4,6,10,20,30,55])
    if r<0.3: return '{'+', '.join(val(d-1) for _ in range(min(n,8)))+'}'
    if r<0.6: return '['+', '.join(val(d-1) for _ in range(n))+']'
    if r<0.75:
        keys=random.sample(['a','b','c','dd','eee','key_name','alpha_long_key_name','z'],min(n,8))
        return '['+', '.join(f'{k}: {val(d-1)}' for k in keys)+']'
    if r<0.9:
        keys=random.sample(['a','b','c','dd','eee','key_name','alpha_long_key_name','z'],min(n,8))
        return '%{'+', '.join(f'{k}: {val(d-1)}' for k in keys)+'}'
    keys=random.sample(range(1000),min(n,30))
    return '%{'+', '.join(f'{k} => {val(d-1)}' for k in keys)+'}'
exprs=[val(random.randint(1,4)) for _ in range(N)]
M=':"---marker---"'
ex='\n'.join(f'IO.inspect({e})\nIO.inspect({M})' for e in exprs)
with tempfile.NamedTemporaryFile('w', suffix='.exs') as script:
    script.write(ex)
    script.flush()
    ref=subprocess.run(['elixir',script.name],capture_output=True,text=True,check=True).stdout
ours=subprocess.run([cli,'console',SCENARIO],input='\n'.join(f'{e}\n{M}' for e in exprs)+'\n',capture_output=True,text=True).stdout
R=ref.split(M+'\n'); O=ours.split(M+'\n')
bad=0
for e,r,o in zip(exprs,R,O):
    if r!=o:
        bad+=1
        if bad<=3: print('EXPR',e,'\n--- elixir\n'+r+'--- ours\n'+o)
print(f'{len(exprs) - bad} of {len(exprs)} random values printed as iex prints them')
sys.exit(1 if bad or len(R) != len(O) else 0)
