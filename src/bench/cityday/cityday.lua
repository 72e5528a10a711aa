-- A city's day for wrk: each request is drawn by the day's shares, and each thread paces its connections so that
-- the whole run offers CITYDAY_RATE requests per second (an open-ish loop, like wrk2's: a connection waits for its
-- next turn in its thread's schedule; when the server falls behind, turns are not saved up into a burst).
-- Latency is wrk's, from send to response, so once the server falls behind it is understated (coordinated
-- omission): the achieved rate falling short of the offered one is the sign to read, and run.sh does.
-- Environment: CITYDAY_DATA (file from prepare.py), CITYDAY_RATE (req/s for this wrk process), CITYDAY_OUT
-- (where done() writes its one-line summary).
local ffi = require("ffi")
ffi.cdef [[ typedef struct { long tv_sec; long tv_nsec; } cityday_ts; int clock_gettime(int, cityday_ts *); ]]
local ts = ffi.new("cityday_ts")
local function now_ms()
	ffi.C.clock_gettime(1, ts)
	return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

-- Shares of a plausible day, in per mille: search and catalog 55 %, status 15 %, assistant 10 %, booking 5 %,
-- submissions 2 %, staff inbox and casework 13 %.
local KINDS = {
	{ "search-page", 100 }, { "search-api", 100 }, { "services-list", 80 }, { "matter-page", 120 },
	{ "life-event-page", 70 }, { "home", 80 },
	{ "me", 50 }, { "my-applications", 40 }, { "my-appointments", 30 }, { "my-complaints", 30 },
	{ "assistant", 100 },
	{ "slots", 30 }, { "book", 20 },
	{ "submit", 20 },
	{ "staff-inbox", 80 }, { "staff-case", 50 },
}

local threads = {}
local counter = 1

function setup(thread)
	thread:set("id", counter)
	counter = counter + 1
	table.insert(threads, thread)
end

local data = { citizen = {}, clerk = {}, case = {}, slot = {}, matter = {}, event = {}, query = {}, question = {},
	day = {} }
local pick_table = {}
-- Globals: done() reads them from each thread with thread:get, which sees only globals.
counts, errors = {}, {}
expected_count = 0
local interval, next_turn
local last_kind = {}

function init(args)
	for line in io.lines(os.getenv("CITYDAY_DATA")) do
		local kind, rest = line:match("^(%S+) (.*)$")
		table.insert(data[kind], rest)
	end
	for _, k in ipairs(KINDS) do
		for _ = 1, k[2] do
			table.insert(pick_table, k[1])
		end
		counts[k[1]] = 0
	end
	local rate = tonumber(os.getenv("CITYDAY_RATE"))
	local nthreads = tonumber(os.getenv("CITYDAY_THREADS") or "2")
	interval = 1000.0 * nthreads / rate
	math.randomseed(id * 7919 + os.time())
	next_turn = now_ms()
end

local function any(list)
	return list[math.random(#list)]
end

local function language()
	if math.random() < 0.25 then
		return "en"
	end
	return "zh-CN,zh;q=0.9"
end

local function get(path, headers)
	return wrk.format("GET", path, headers)
end

local function bearer(token, extra)
	local h = { ["Authorization"] = "Bearer " .. token }
	for k, v in pairs(extra or {}) do
		h[k] = v
	end
	return h
end

local function citizen()
	local c = any(data.citizen)
	local token, conversation = c:match("^(%S+) (%S+)$")
	return token, conversation
end

local uuid_counter = 0
local function fresh_key()
	uuid_counter = uuid_counter + 1
	return string.format("%08x-cd00-4000-8000-%04x%08x", math.random(0, 0x7fffffff), id, uuid_counter)
end

local JSON = "application/json"

local function build(kind)
	local page = { ["Accept-Language"] = language() }
	if kind == "search-page" then
		return get("/search?q=" .. any(data.query), page)
	elseif kind == "search-api" then
		return get("/api/v1/services?q=" .. any(data.query), page)
	elseif kind == "services-list" then
		return get("/api/v1/services?size=20&page=" .. math.random(0, 1), page)
	elseif kind == "matter-page" then
		return get("/services/" .. any(data.matter), page)
	elseif kind == "life-event-page" then
		return get("/life-events/" .. any(data.event), page)
	elseif kind == "home" then
		return get("/", page)
	elseif kind == "me" then
		return get("/api/v1/me", bearer((citizen())))
	elseif kind == "my-applications" then
		return get("/api/v1/applications", bearer((citizen())))
	elseif kind == "my-appointments" then
		return get("/api/v1/appointments", bearer((citizen())))
	elseif kind == "my-complaints" then
		return get("/api/v1/complaints/mine", bearer((citizen())))
	elseif kind == "assistant" then
		local token, conversation = citizen()
		return wrk.format("POST", "/api/v1/assistant/conversations/" .. conversation .. "/messages",
			bearer(token, { ["Content-Type"] = JSON, ["Accept-Language"] = language() }), any(data.question))
	elseif kind == "slots" then
		return get("/api/v1/halls/HALL-CITY/slots?serviceCode=PS-ID-001&date=" .. any(data.day))
	elseif kind == "book" then
		return wrk.format("POST", "/api/v1/appointments", bearer((citizen()), { ["Content-Type"] = JSON }),
			'{"slotId":' .. any(data.slot) .. ',"serviceCode":"PS-ID-001"}')
	elseif kind == "submit" then
		return wrk.format("POST", "/api/v1/applications",
			bearer((citizen()), { ["Content-Type"] = JSON, ["Idempotency-Key"] = fresh_key() }),
			'{"serviceCode":"CA-ELD-001","fields":{},"explanation":"materials at the counter (city-day benchmark)"}')
	elseif kind == "staff-inbox" then
		return get("/api/v1/staff/tasks?page=0&size=20", bearer(any(data.clerk)))
	else -- staff-case
		return get("/api/v1/staff/applications/" .. any(data.case), bearer(any(data.clerk)))
	end
end

function request()
	local kind = pick_table[math.random(#pick_table)]
	counts[kind] = counts[kind] + 1
	return build(kind)
end

function delay()
	local now = now_ms()
	next_turn = next_turn + interval
	if next_turn < now - interval then
		next_turn = now -- behind: no saved-up burst
	end
	local wait = next_turn - now
	if wait < 0 then
		return 0
	end
	return wait
end

-- wrk does not say which connection (so which kind) a response belongs to: refusals are told apart by what they
-- say. Expected, and rare by design: a booking refused with 409 (slot full, already booked that day, daily
-- limit — the booking module's own words, as CrowdHttp.outcome reads them). Anything else that is not 2xx/3xx
-- is an error, counted by status; the first few of each are printed.
local BOOKING_REFUSALS = { "no online places", "网上名额已满", "already have an appointment", "您已经预约了这个事项",
	"At most", "同一天最多预约" }

function response(status, headers, body)
	if status < 400 then
		return
	end
	if status == 409 then
		for _, words in ipairs(BOOKING_REFUSALS) do
			if body and string.find(body, words, 1, true) then
				expected_count = expected_count + 1
				return
			end
		end
	end
	errors[status] = (errors[status] or 0) + 1
	if errors[status] <= 3 then
		io.stderr:write(status .. " " .. string.sub(body or "", 1, 200) .. "\n")
	end
end

function done(summary, latency, requests)
	local c, e, x = {}, {}, 0
	for _, k in ipairs(KINDS) do
		c[k[1]] = 0
	end
	for _, t in ipairs(threads) do
		for _, k in ipairs(KINDS) do
			c[k[1]] = c[k[1]] + t:get("counts")[k[1]]
		end
		for status, n in pairs(t:get("errors")) do
			e[status] = (e[status] or 0) + n
		end
		x = x + t:get("expected_count")
	end
	local f = io.open(os.getenv("CITYDAY_OUT"), "w")
	local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
	local failed = 0
	for _, n in pairs(e) do
		failed = failed + n
	end
	f:write(string.format("requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d socket_errors=%d " ..
		"errors=%d expected=%d\n", summary.requests, summary.duration, latency:percentile(50),
		latency:percentile(90), latency:percentile(99), latency.max, socket, failed, x))
	for status, n in pairs(e) do
		f:write(string.format("status=%d count=%d\n", status, n))
	end
	for _, k in ipairs(KINDS) do
		f:write(string.format("kind=%s count=%d\n", k[1], c[k[1]]))
	end
	f:close()
end
