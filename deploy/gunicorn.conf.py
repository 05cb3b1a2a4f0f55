"""gunicorn's configuration for the season wiki: the one production server set-up.

    gunicorn -c deploy/gunicorn.conf.py jjsite.wsgi --bind 127.0.0.1:8000

The address is given on the command line; everything else is here, and the deployment docs
(docs/caching.md), the benchmark (bench/http_bench.py), the fault drill and the tests start
gunicorn with this file. Why these settings: docs/caching.md, "The application server".

- Threaded workers (gthread): a sync worker serves one connection at a time, so two idle
  connections stalled the site until the worker timeout. A gthread worker parks a new
  connection that sends nothing, and every kept-alive one, in its event loop instead of a
  thread, and serves each request in a pool thread: idle and slow clients hold at most a
  thread each, for a few seconds, not the whole worker.
- A request body sent chunked (no Content-Length) is read in full: gunicorn decodes it and
  says so with `wsgi.input_terminated` (jjsite/middleware.py reads it within the limit).
"""

import os

import gunicorn.workers.gthread

# Worker processes: WEB_CONCURRENCY (gunicorn's own variable), 2 by default.
workers = int(os.environ.get("WEB_CONCURRENCY") or 2)
worker_class = "gthread"
# Threads per worker: each can hold one request, or a client still sending one. Each thread
# that reaches the database keeps its own connection (DJANGO_CONN_MAX_AGE), so workers x
# threads is the most this server opens: keep it under PostgreSQL's max_connections, or put
# PgBouncer in front.
threads = int(os.environ.get("GUNICORN_THREADS") or 32)
# How long a pool thread waits for a new connection's first bytes before handing it back to
# the worker's event loop (gunicorn's DEFAULT_WORKER_DATA_TIMEOUT, 5 s, not a setting). At 5 s,
# 50 silent connections held the pool and a season page took 4.8 s; at 0.2 s it took 0.39 s at
# worst, 0.9 s with 300 (docs/caching.md). A client slower than that loses nothing: its
# connection waits in the event loop and is served as soon as it sends.
if not hasattr(gunicorn.workers.gthread, "DEFAULT_WORKER_DATA_TIMEOUT"):
    raise RuntimeError(
        "gunicorn.workers.gthread.DEFAULT_WORKER_DATA_TIMEOUT is gone: check how this gunicorn "
        "keeps silent connections from holding threads, and update deploy/gunicorn.conf.py"
    )
gunicorn.workers.gthread.DEFAULT_WORKER_DATA_TIMEOUT = 0.2
# Open connections per worker, idle ones included; past it the worker stops accepting.
worker_connections = 1000
# A worker that answers nothing for this long is restarted (a request stuck that long too).
timeout = 30
graceful_timeout = 30
# Seconds an idle kept-alive connection, or one that has sent nothing yet, is kept open.
keepalive = 5
# Logs to stderr, where the service manager collects them.
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG") else None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# No control socket (gunicornc): nothing here uses it, and every gunicorn on a machine would
# share its one default path ($HOME/.gunicorn/gunicorn.ctl).
control_socket_disable = True
