"""Prepares a vote-load run against one server: registers members through the REST API, gives
each a personal access token with only the vote scope, finds the proposals in voting, checks
that every token can vote, and writes the wrk script that spreads requests over them.

    python3 vote-load-setup.py http://127.0.0.1:PORT CLIENTS out.lua out.json
"""
import concurrent.futures
import http.cookiejar
import json
import secrets
import sys
import urllib.request

base, clients, lua_path, json_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
VOTE = "mutation($i: VoteInput!) { vote(input: $i) { choice errors { __typename } } }"


def post(opener, path, body, headers=None):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "Accept": "application/json", **(headers or {})})
    with opener.open(request, timeout=60) as response:
        return json.loads(response.read())


def member_token(n):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    handle = f"load{n:04d}{secrets.token_hex(2)}"
    session = post(opener, "/api/account/register",
                   {"handle": handle, "displayName": handle, "email": f"{handle}@example.org", "password": "correct horse battery staple"})
    created = post(opener, "/api/tokens", {"name": "vote-load", "scopes": ["vote"]}, {"X-CSRF-Token": session["csrfToken"]})
    return created["token"]


def graphql(query, variables=None, token=None):
    headers = {"Accept": "application/graphql-response+json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    return post(urllib.request.build_opener(), "/graphql", {"query": query, "variables": variables or {}}, headers)


with concurrent.futures.ThreadPoolExecutor(8) as pool:
    tokens = list(pool.map(member_token, range(clients)))

# Yes/no votes only: a proposal leading a ranked issue, or an alternative in one, takes a
# ranked ballot (castRankedBallot) and refuses a yes/no vote.
found = graphql("{ proposals(status: VOTING, first: 20) { nodes { id issue { ranked } alternativeOf { id } } } }")
proposals = [p["id"] for p in found["data"]["proposals"]["nodes"]
             if p["alternativeOf"] is None and not (p["issue"] or {}).get("ranked", False)]
if not proposals:
    sys.exit("vote-load: the demo organisation has no proposal in voting")

# Every token must be able to vote before anything is timed.
for token in tokens:
    answer = graphql(VOTE, {"i": {"proposal": proposals[0], "choice": "YES"}}, token)
    if "errors" in answer or answer["data"]["vote"]["errors"] is not None:
        sys.exit(f"vote-load: a test vote failed: {answer}")

with open(json_path, "w") as f:
    json.dump({"proposals": proposals, "clients": clients}, f)

lua = """
local tokens = TOKENS
local proposals = PROPOSALS
local choices = { "YES", "NO", "ABSTAIN" }
local query = QUERY
local n = 0
acknowledged = 0
failed = 0

request = function()
  n = n + 1
  local token = tokens[n % #tokens + 1]
  local round = math.floor(n / #tokens)
  local proposal = proposals[round % #proposals + 1]
  local choice = choices[math.floor(round / #proposals) % 3 + 1]
  local body = '{"query":' .. query .. ',"variables":{"i":{"proposal":"' .. proposal .. '","choice":"' .. choice .. '"}}}'
  return wrk.format("POST", "/graphql", {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/graphql-response+json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end

response = function(status, headers, body)
  if status == 200 and string.find(body, '"errors":null', 1, true) and not string.find(body, '"errors":[', 1, true) then
    acknowledged = acknowledged + 1
  else
    failed = failed + 1
    if failed <= 3 then io.stderr:write("vote-load: failed response " .. status .. ": " .. string.sub(body, 1, 300) .. "\\n") end
  end
end

local threads = {}
setup = function(thread) table.insert(threads, thread) end

done = function(summary, latency, requests)
  local a, f = 0, 0
  for _, t in ipairs(threads) do a = a + t:get("acknowledged"); f = f + t:get("failed") end
  io.write("acknowledged " .. a .. "\\n")
  io.write("failed " .. f .. "\\n")
end
"""
def lua_list(values):
    return "{ " + ", ".join(json.dumps(v) for v in values) + " }"

lua = (lua.replace("TOKENS", lua_list(tokens)).replace("PROPOSALS", lua_list(proposals))
       .replace("QUERY", "'" + json.dumps(VOTE) + "'"))
with open(lua_path, "w") as f:
    f.write(lua)
print(f"   {base}: {clients} tokens, {len(proposals)} proposals in voting")
