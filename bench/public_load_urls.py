"""Bench-only URLconf: the whole site plus the cheapest possible Django view to compare with."""

from django.http import HttpResponse
from django.urls import include, path


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/trivial/", trivial),
    path("", include("factcheck.urls")),
]
