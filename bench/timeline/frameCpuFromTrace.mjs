// CPU time of the page's main thread in each timeline frame, from a trace of a Chromium run:
//   PRECEDENT_BENCH_TRACE=out/timeline-trace.json npm run bench -- --suite timeline --env chromium
//   node bench/timeline/frameCpuFromTrace.mjs out/timeline-trace.json
// Each frame's window is the `timeline-frame:<pan|zoom>` measure the chart driver records; its CPU
// time is the thread time of the main thread's tasks in that window (a task partly inside counts
// pro rata). Unlike the wall-clock frame_* metrics, it hardly grows when other processes share the
// cores, so it tells what the chart costs on a busy machine; it leaves out the compositor and
// raster threads, and any wait for the CPU.
import { readFileSync } from 'node:fs'

const events = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8'))
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

// Measures are async trace events (a begin and an end); marks are instant events.
const begins = new Map()
const windows = []
const sizeMarks = []
for (const event of events) {
  const name = String(event.name)
  // A mark is an instant event ('R' or 'I' by version).
  if (name.startsWith('timeline-size:') && (event.ph === 'R' || event.ph === 'I')) sizeMarks.push({ ts: event.ts, n: Number(name.slice(14)) })
  if (!name.startsWith('timeline-frame:')) continue
  const id = `${name}|${event.id ?? event.id2?.local}`
  if (event.ph === 'b') begins.set(id, event)
  else if (event.ph === 'e' && begins.has(id)) {
    const begin = begins.get(id)
    windows.push({ kind: name.slice(15), pid: begin.pid, tid: begin.tid, start: begin.ts, end: event.ts })
  }
}
if (windows.length === 0) throw new Error('no timeline-frame measures in the trace: was it recorded with the timeline suite in Chromium?')
const pid = windows[0].pid
const mainThread = events.find((event) => event.ph === 'M' && event.name === 'thread_name' && event.pid === pid && event.args?.name === 'CrRendererMain')?.tid
// The top-level task event is named after the scheduler that ran it, which depends on the version.
const onMain = events.filter((event) => event.pid === pid && event.tid === mainThread && event.ph === 'X' && event.tdur !== undefined)
const taskName = onMain.some((event) => event.name === 'ThreadControllerImpl::RunTask') ? 'ThreadControllerImpl::RunTask' : 'RunTask'
const tasks = onMain.filter((event) => event.name === taskName).sort((a, b) => a.ts - b.ts)

function cpuMs(window) {
  let sum = 0
  for (const task of tasks) {
    if (task.ts > window.end) break
    const overlap = Math.min(task.ts + task.dur, window.end) - Math.max(task.ts, window.start)
    if (overlap > 0 && task.dur > 0) sum += task.tdur * (overlap / task.dur)
  }
  return sum / 1000
}

sizeMarks.sort((a, b) => a.ts - b.ts)
const bySize = new Map()
for (const window of windows) {
  const n = sizeMarks.filter((mark) => mark.ts <= window.start).at(-1)?.n ?? 0
  const list = bySize.get(n) ?? []
  list.push({ kind: window.kind, cpu: cpuMs(window), wall: (window.end - window.start) / 1000 })
  bySize.set(n, list)
}
for (const [n, frames] of bySize) {
  const of = (kind) => frames.filter((frame) => frame.kind === kind).map((frame) => frame.cpu)
  const all = frames.map((frame) => frame.cpu)
  const fmt = (value) => value.toFixed(1)
  console.log(
    `n=${n}: main-thread CPU per frame p50 ${fmt(percentile(all, 50))} / p95 ${fmt(percentile(all, 95))} ms; pan p95 ${fmt(percentile(of('pan'), 95))}; zoom p95 ${fmt(percentile(of('zoom'), 95))}, max ${fmt(Math.max(...of('zoom')))} (wall-clock p95 ${fmt(
      percentile(
        frames.map((frame) => frame.wall),
        95
      )
    )} ms; ${frames.length} frames)`
  )
}
