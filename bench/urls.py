"""The site's URLs plus the benchmark's reference: a minimal view that only says "ok".

It runs through the same middleware as every page, so each page's figure divided by its own is
what the page itself costs. It exists only here, never in the site's URLs (jjsite/urls.py).
"""

from django.http import HttpResponse
from django.urls import path

from jjsite.urls import urlpatterns as site_urlpatterns

MINIMAL_VIEW_PATH = "/__bench__/ok"


def minimal_view(request):
    return HttpResponse("ok")


urlpatterns = [path(MINIMAL_VIEW_PATH.lstrip("/"), minimal_view), *site_urlpatterns]
