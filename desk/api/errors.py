"""The API's exception handler: the errors of the desk's actions and of the services
become DRF errors here, once, then take the common error body (factcheck.api)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, status

from factcheck.api import error_handler as common_error_handler

from ..workflow import ConcurrentUpdate, NotAllowed, TransitionError


class TransitionConflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Someone else changed this claim first."
    default_code = "conflict"


def as_api_error(exc: Exception) -> Exception:
    """The DRF error for an action's refusal or a service's ValidationError (else `exc`)."""
    if isinstance(exc, ConcurrentUpdate):
        return TransitionConflict(str(exc))
    if isinstance(exc, NotAllowed):
        return exceptions.PermissionDenied(str(exc))
    if isinstance(exc, TransitionError):
        return exceptions.ValidationError({"non_field_errors": [str(exc)]})
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "message_dict") else {"non_field_errors": exc.messages}
        )
    return exc


def error_handler(exc, context):
    """REST_FRAMEWORK's EXCEPTION_HANDLER: map the action errors, then the common body."""
    return common_error_handler(as_api_error(exc), context)
