"""Administrators configure webhook endpoints and read the delivery log."""

from django import forms
from django.contrib import admin, messages

from . import services
from .models import Delivery, DeliveryAttempt, Endpoint, Event


class EndpointForm(forms.ModelForm):
    url = forms.URLField(
        label="URL",
        max_length=500,
        assume_scheme="https",
        help_text="Where events are POSTed, e.g. a Slack incoming-webhook address.",
    )
    events = forms.MultipleChoiceField(
        choices=Event.workflow_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="The workflow events sent to this endpoint.",
    )
    secret = forms.CharField(
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=(
            "Signs every payload (HMAC-SHA256, see README). Never shown again once saved: "
            "leave blank to keep the current one, or on a new endpoint to have one generated "
            "and shown once."
        ),
    )

    class Meta:
        model = Endpoint
        fields = ["name", "url", "format", "events", "secret", "is_active"]

    def clean_events(self):
        chosen = self.cleaned_data["events"]
        return [event for event, _label in Event.workflow_choices() if event in chosen]

    def clean_secret(self):
        value = self.cleaned_data["secret"].strip()
        if value and len(value) < 16:
            raise forms.ValidationError("Use a secret of at least 16 characters.")
        # Blank keeps the endpoint's secret (a new endpoint gets one generated on save).
        return value or (self.instance.secret if self.instance.pk else "")


class DeliveryAttemptInline(admin.TabularInline):
    model = DeliveryAttempt
    extra = 0
    can_delete = False
    fields = readonly_fields = ("number", "at", "status_code", "error", "duration_ms", "retry_in")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Endpoint)
class EndpointAdmin(admin.ModelAdmin):
    form = EndpointForm
    list_display = ("name", "format", "event_list", "is_active", "created_at")
    list_filter = ("is_active", "format")
    actions = ["send_test_event"]

    @admin.action(description="Send a test event to the selected endpoints")
    def send_test_event(self, request, queryset):
        deliveries = services.send_test_event(endpoints=list(queryset), user=request.user)
        messages.info(
            request,
            f"{len(deliveries)} test event(s) sent; see Deliveries for the answers.",
        )

    @admin.display(description="Events")
    def event_list(self, endpoint):
        return ", ".join(Event(e).label for e in endpoint.events if e in Event.values)

    def save_model(self, request, obj, form, change):
        if not obj.secret:
            obj.secret = services.new_secret()
            messages.warning(
                request,
                f"The signing secret of “{obj.name}” is {obj.secret} — copy it now into the "
                "receiving system; it is not shown again.",
            )
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ("created_at", "event", "endpoint", "status", "attempts", "last_answer")
    list_filter = ("status", "event", "endpoint")
    list_select_related = ("endpoint",)
    fields = readonly_fields = (
        "endpoint",
        "event",
        "status",
        "attempts",
        "created_at",
        "finished_at",
        "payload",
    )
    inlines = [DeliveryAttemptInline]

    @admin.display(description="Last answer")
    def last_answer(self, delivery):
        last = delivery.log.order_by("-number").first()
        if last is None:
            return "—"
        return last.status_code or last.error

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
