"""The API tokens page: each desk user makes, sees and revokes their own tokens."""

from django.contrib import admin, messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .forms import TokenForm
from .models import ApiToken


@require_http_methods(["GET", "POST"])
def my_tokens(request):
    """List the user's tokens; create one (its key shown once, in this answer) or revoke one."""
    form, new_key, status = TokenForm(), "", 200
    if request.method == "POST" and request.POST.get("action") == "revoke":
        token = ApiToken.objects.filter(user=request.user, pk=_int(request.POST.get("token")))
        token = token.first()
        if token is None:
            raise Http404("You have no such token.")
        services.revoke_token(token=token, user=request.user)
        messages.success(request, f"Token “{token.name}” revoked: it no longer works.")
        return redirect("api-tokens")
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            try:
                token, new_key = services.create_token(
                    user=request.user, name=form.cleaned_data["name"]
                )
            except services.TokenError as error:
                form.add_error("name", error.message)
            else:
                form = TokenForm()
        if form.errors:
            status = 400
    response = render(
        request,
        "tokens/my_tokens.html",
        {
            **admin.site.each_context(request),
            "title": "API tokens",
            "form": form,
            "new_key": new_key,
            "tokens": selectors.tokens_of(user=request.user),
            "api_url": request.build_absolute_uri("/api/claims/"),
        },
        status=status,
    )
    # The page may hold a new key: never keep it in a cache.
    response["Cache-Control"] = "no-store"
    return response


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
