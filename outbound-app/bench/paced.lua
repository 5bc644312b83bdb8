-- wrk script: POST a scenario with a bearer token, each connection waiting PACE_MS between a response and its
-- next request, so the offered load stays below saturation (32 connections x 1 request per (PACE_MS + latency)).
-- Usage: SCENARIO=file.json TOKEN=obt_... PACE_MS=4 wrk -t2 -c32 -d30s --latency -s paced.lua http://127.0.0.1:8080/api/v1/decisions
local f = assert(io.open(os.getenv("SCENARIO"), "rb"))
local body = f:read("*a")
f:close()
local pace = tonumber(os.getenv("PACE_MS") or "4")
wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

function delay()
	return pace
end

done = function(summary, latency, requests)
	io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
		latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
	io.write(string.format("errors: connect %d, read %d, write %d, status %d, timeout %d\n",
		summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
end
