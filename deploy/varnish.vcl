vcl 4.1;
# The season wiki's shared HTTP cache: Varnish 7.1 with varnish-modules' xkey (Debian's
# `varnish` and `varnish-modules` packages).
#
# The app names the content each answer shows in its `Surrogate-Key` header (`site season-3
# person-17 credit-list ...`), and on every edit it purges exactly those keys, with
#   PURGE / HTTP/1.1     xkey-purge: season-3 person-17     (DJANGO_CACHE_PURGER=xkey), or
#   BAN / HTTP/1.1       xkey-purge: season-3 person-17     (DJANGO_CACHE_PURGER=ban, for a
#                        Varnish without the xkey vmod: delete the xkey lines below).
#
# The backend is a placeholder: render this file with the app's address before loading it,
#   sed -e 's/@BACKEND_HOST@/10.0.0.5/' -e 's/@BACKEND_PORT@/8000/' \
#       deploy/varnish.vcl > /etc/varnish/default.vcl
# (the load balancer in front of the gunicorn servers, or one gunicorn). The tests render it
# the same way with the live server's port (tests/test_varnish.py).

import std;
import xkey;

backend default {
    .host = "@BACKEND_HOST@";
    .port = "@BACKEND_PORT@";
}

# Who may purge: the app servers. Loopback only by default; add each app server's address
# (or their subnet, e.g. "10.0.0.0"/24) on its own line before loading the VCL.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    unset req.http.X-Cache;

    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        # Keys are words of letters, digits, "-" and "_", separated by spaces or commas.
        if (req.http.xkey-purge !~ "^[A-Za-z0-9_-]+([ ,]+[A-Za-z0-9_-]+)*$") {
            return (synth(400, "Name the keys to purge in the xkey-purge header"));
        }
        if (req.method == "PURGE") {
            # Hard purge: the objects are gone; the next request fetches fresh content.
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.n-gone + " objects"));
        }
        # A ban on every object whose Surrogate-Key holds one of the keys (the ban lurker
        # can test it in the background: it reads only obj.*).
        # (A ban's argument takes no quotes: the regular expression has no space in it.)
        if (std.ban("obj.http.Surrogate-Key ~ (^|[\s,])(" +
                    regsuball(req.http.xkey-purge, "[ ,]+", "|") + ")([\s,]|$)")) {
            return (synth(200, "Banned"));
        }
        return (synth(400, std.ban_error()));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, and anyone signed in (the session cookie) or sending credentials (API
    # tokens), see live and draft content: never from the cache.
    # (Django's session cookie is `sessionid`: change it here if SESSION_COOKIE_NAME does.)
    if (req.url ~ "^/admin(/|$)" || req.http.Authorization ||
        req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Anonymous: the other cookies (csrftoken, ...) change nothing the cache keeps.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_synth {
    # Purge and ban answers in plain text: "Purged 3 objects".
    if (req.method == "PURGE" || req.method == "BAN") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason;
        return (deliver);
    }
}

sub vcl_hit {
    set req.http.X-Cache = "HIT";
}

sub vcl_miss {
    set req.http.X-Cache = "MISS";
}

sub vcl_pass {
    set req.http.X-Cache = "PASS";
}

sub vcl_backend_fetch {
    unset bereq.http.X-Cache;
}

sub vcl_backend_response {
    # The time to live comes from Cache-Control: s-maxage first, then max-age (Varnish's own
    # rule); stale-while-revalidate sets the grace. Nothing personal is kept.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)" ||
        !beresp.http.Cache-Control || beresp.ttl <= 0s) {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # xkey indexes the object by the keys of its xkey header; Surrogate-Key stays on the
    # object for bans.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    return (deliver);
}

sub vcl_deliver {
    set resp.http.X-Cache = req.http.X-Cache;
    # Keys are for the caches, not for clients.
    unset resp.http.Surrogate-Key;
    unset resp.http.xkey;
}
