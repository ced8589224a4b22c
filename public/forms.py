"""Reader-facing forms: the search filters and the claim suggestion form."""

from __future__ import annotations

import time

from django import forms
from django.conf import settings
from django.core import signing

from claims.models import Rating

from . import selectors

STARTED_SALT = "public.suggestion.started"
# A form older than this is refused as stale rather than trusted.
STARTED_MAX_AGE = 24 * 3600


class FactCheckFilterForm(forms.Form):
    q = forms.CharField(label="Search fact-checks", required=False, max_length=200)
    rating = forms.ChoiceField(label="Rating", required=False)
    outlet = forms.ChoiceField(label="Outlet", required=False)
    kind = forms.ChoiceField(label="Evidence from", required=False)
    date_from = forms.DateField(
        label="Published from",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label="Published until",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, outlets: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.input_type = "search"
        self.fields["q"].widget.attrs.update(placeholder="Words from a claim")
        self.fields["rating"].choices = [("", "Any rating"), *Rating.choices]
        self.fields["outlet"].choices = [("", "Any outlet"), *((o, o) for o in outlets)]
        self.fields["kind"].choices = [("", "Any kind of source"), *selectors.source_kinds()]

    def filters(self) -> selectors.Filters:
        """The valid filters; a field the reader got wrong is ignored (and shown as an error)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if self.is_bound and not self.is_valid():
            data = {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        return selectors.Filters(
            q=data.get("q") or "",
            rating=data.get("rating") or "",
            outlet=data.get("outlet") or "",
            kind=data.get("kind") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )


def started_token() -> str:
    """A signed time stamp of when the suggestion form was shown."""
    return signing.dumps(time.time(), salt=STARTED_SALT)


class SuggestionForm(forms.Form):
    claim_text = forms.CharField(
        label="The claim you want us to check",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    seen_at = forms.URLField(
        label="Where did you see it? (link, optional)",
        required=False,
        max_length=1000,
        assume_scheme="https",
    )
    note = forms.CharField(
        label="Anything else we should know? (optional)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    email = forms.EmailField(
        label="Your email, if you would like an answer (optional, never published)",
        required=False,
    )
    # Honeypot: hidden from people (CSS, aria-hidden, no tab stop); bots fill it in.
    website = forms.CharField(label="Leave this field empty", required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        if not self.is_bound:
            self.initial["started"] = started_token()

    @property
    def is_bot(self) -> bool:
        """Whether the honeypot was filled in (checked after is_valid)."""
        return bool(self.cleaned_data.get("website"))

    def clean_started(self) -> float:
        try:
            started = signing.loads(
                self.cleaned_data["started"], salt=STARTED_SALT, max_age=STARTED_MAX_AGE
            )
        except signing.BadSignature as error:
            raise forms.ValidationError(
                "This form has expired. Please check your suggestion and send it again."
            ) from error
        if time.time() - float(started) < settings.PUBLIC_SUGGESTION_MIN_SECONDS:
            raise forms.ValidationError(
                "That was quick! Please check your suggestion and send it again."
            )
        return started

    def renew(self) -> None:
        """Give the form a fresh time stamp before showing it again."""
        self.data = self.data.copy()
        self.data["started"] = started_token()
