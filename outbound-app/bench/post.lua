-- wrk script: POST a scenario with a bearer token.
-- Usage: SCENARIO=file.json TOKEN=obt_... wrk -t2 -c32 -d30s --latency -s post.lua http://127.0.0.1:8080/api/v1/decisions
-- With PACE_MS=n each connection waits n ms between a response and its next request, so that the offered load stays
-- below saturation (about 32 / (n ms + latency) requests per second with 32 connections): latency at a given rate.
local f = assert(io.open(os.getenv("SCENARIO"), "rb"))
local body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

local pace = tonumber(os.getenv("PACE_MS") or "")
if pace then
	function delay()
		return pace
	end
end

-- no response() callback: wrk would hand every response to Lua, costing CPU the server shares (wrk itself reports
-- "Non-2xx or 3xx responses")
done = function(summary, latency, requests)
	io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
		latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
	io.write(string.format("errors: connect %d, read %d, write %d, status %d, timeout %d\n",
		summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
end
