"""API-wide plumbing: one error body shape for every error response."""

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
        detail = "Some fields are not valid." if isinstance(data, dict) else " ".join(map(str, data))
        code = "invalid"
    response.data = {"detail": detail, "code": str(code), "fields": fields}
    return response
