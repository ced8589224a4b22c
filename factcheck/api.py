"""API-wide plumbing: one error body shape for every error response."""

from drf_spectacular.openapi import AutoSchema
from rest_framework import permissions, serializers
from rest_framework.views import exception_handler


def error_handler(exc, context):
    """Wrap DRF's error responses as {"detail", "code", "fields"}.

    `fields` maps each invalid input field to its messages (400s); `detail` is one
    sentence a person can read; `code` is stable for programs.
    """
    response = exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    fields: dict = {}
    if isinstance(data, dict) and "detail" in data and len(data) == 1:
        detail = str(data["detail"])
        code = getattr(data["detail"], "code", None) or getattr(exc, "default_code", "error")
    else:
        fields = data if isinstance(data, dict) else {"non_field_errors": data}
        detail = (
            "Some fields are not valid." if isinstance(data, dict) else " ".join(map(str, data))
        )
        code = "invalid"
    response.data = {"detail": detail, "code": str(code), "fields": fields}
    return response


class ErrorSerializer(serializers.Serializer):
    """The body of every error response."""

    detail = serializers.CharField()
    code = serializers.CharField()
    fields = serializers.DictField(
        child=serializers.JSONField(), help_text="Messages per invalid input field."
    )


ERROR_DESCRIPTIONS = {
    "400": "The input is not valid; `fields` says which fields and why.",
    "401": "Authentication is required.",
    "403": "Your role may not do this.",
    "404": "No such object (or not visible to you).",
    "409": "Someone else changed the object first; reload and try again.",
    "413": "The request body is larger than the limit.",
    "415": "Send the body as JSON (or form data).",
    "429": "Too many requests; retry later.",
}


class NewsroomAutoSchema(AutoSchema):
    """Documents the error responses every operation can give, with their common body."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        # 404 also answers a page number past the end of a list.
        codes = ["400", "401", "403", "404", "429"]
        if self.method in ("POST", "PUT", "PATCH"):
            codes += ["409", "413", "415"]
        for code in codes:
            if code not in responses:
                responses[code] = self._get_response_for_code(ErrorSerializer, code)
                responses[code]["description"] = ERROR_DESCRIPTIONS[code]
        return responses


def api_not_found(request, exception=None):
    """JSON 404 for API paths (e.g. an id that is not a number), HTML elsewhere."""
    from django.http import JsonResponse
    from django.views.defaults import page_not_found

    if request.path.startswith("/api/"):
        body = {"detail": "Not found.", "code": "not_found", "fields": {}}
        return JsonResponse(body, status=404)
    return page_not_found(request, exception)


class HasRolePermission(permissions.BasePermission):
    """Authenticated users holding the view's model permission for the current action.

    A view lists `role_permissions = {action: "app.codename"}`; "*" is the default.
    Transitions then check the finer rules (assignee, four eyes) in the services.
    """

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated and user.is_active):
            return False
        needed = view.role_permissions.get(view.action, view.role_permissions.get("*"))
        return needed is None or user.has_perm(needed)
