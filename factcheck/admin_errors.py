"""Bad filter values on admin lists answer a 400 page that says what is wrong.

Django's admin answers a filter value it cannot use (IncorrectLookupParameters) with a
redirect to "?e=1" and a page about a broken database installation, and lets errors the
database raises (a number out of range, an invalid regular expression) become 500s. Here
every admin list request that fails that way gets a 400 page naming the problem and
linking to the unfiltered list; the list's work runs in a savepoint, so a refused query
leaves the request's database connection usable.
"""

from __future__ import annotations

import logging

from django.contrib import admin
from django.contrib.admin.exceptions import DisallowedModelAdminLookup
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ERROR_FLAG
from django.core.exceptions import FieldError, ValidationError
from django.db import DataError, transaction
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve

logger = logging.getLogger(__name__)

# Exceptions that mean "the address asked for something this list cannot do".
BAD_QUERY = (
    DataError,
    OverflowError,
    RecursionError,
    DisallowedModelAdminLookup,
    IncorrectLookupParameters,
    FieldError,
    ValidationError,
    ValueError,
)


class _Refused(Exception):
    """Unwinds the savepoint of a refused admin list request."""


def _reason(exc: BaseException) -> str:
    cause = None
    if isinstance(exc, IncorrectLookupParameters):
        # Django wraps the original error: as the cause, the context or the first argument.
        wrapped = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        cause = exc.__cause__ or wrapped or exc.__context__
    for candidate in (cause, exc):
        if isinstance(candidate, ValidationError):
            return " ".join(candidate.messages)
    if isinstance(exc, (DataError, OverflowError)) or isinstance(cause, (DataError, OverflowError)):
        return "A value is out of range or not valid for its field."
    if isinstance(exc, RecursionError):
        return "A value is nested too deeply."
    text = str(cause or exc).strip()
    return text or "A filter value is not valid for this list."


class AdminBadQueryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        model_admin = self._list_admin(request)
        if model_admin is None:
            return self.get_response(request)
        try:
            with transaction.atomic():
                response = self.get_response(request)
                if getattr(request, "_bad_admin_query", None) is not None:
                    raise _Refused
        except _Refused:
            return self._page(request, model_admin, request._bad_admin_query)
        if self._refused_by_admin(request, response):
            return self._page(request, model_admin, self._admin_reason(request, model_admin))
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, BAD_QUERY) or self._list_admin(request) is None:
            return None
        logger.info("Refused an admin list query: %s", exception)
        request._bad_admin_query = _reason(exception)
        from django.http import HttpResponse

        return HttpResponse(status=400)  # replaced by the page once the savepoint is undone

    @staticmethod
    def _list_admin(request):
        if request.method not in ("GET", "HEAD"):
            return None
        cached = getattr(request, "_admin_list_model_admin", False)
        if cached is not False:
            return cached
        model_admin = None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            match = None
        if match is not None and (match.url_name or "").endswith("_changelist"):
            model_admin = getattr(match.func, "model_admin", None)
        request._admin_list_model_admin = model_admin
        return model_admin

    @staticmethod
    def _refused_by_admin(request, response) -> bool:
        # Django's answer to IncorrectLookupParameters: a redirect to ?e=1, then (with
        # e=1 in the address) its "invalid setup" page.
        if response.status_code == 302 and response.get("Location", "").endswith(
            f"?{ERROR_FLAG}=1"
        ):
            return True
        names = getattr(response, "template_name", None) or []
        names = [names] if isinstance(names, str) else list(names)
        return "admin/invalid_setup.html" in names

    @staticmethod
    def _admin_reason(request, model_admin) -> str:
        try:
            with transaction.atomic():
                model_admin.get_changelist_instance(request)
        except BAD_QUERY as exc:
            return _reason(exc)
        return "A filter value is not valid for this list."

    @staticmethod
    def _page(request, model_admin, reason: str):
        opts = model_admin.model._meta
        params = [(k, v[:200]) for k, v in request.GET.items() if k != ERROR_FLAG]
        context = {
            **admin.site.each_context(request),
            "opts": opts,
            "title": "This list cannot be shown with these filters",
            "reason": reason,
            "params": params,
        }
        response = TemplateResponse(request, "admin/bad_query.html", context, status=400)
        return response.render()
