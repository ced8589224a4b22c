"""History pages in the admin that only show the past.

django-simple-history's history form saves whatever is posted to it after checking only
view permission, so it would let anyone who may read a record rewrite it (state,
assignee, approval, publication included). Here every history page is read-only for
everyone: a POST is refused and every field is shown as text. Going back to an earlier
version, where the product wants it, is a workflow action with its own permission.
"""

from django.http import HttpResponseNotAllowed
from simple_history.admin import SimpleHistoryAdmin


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        request.history_read_only = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_readonly_fields(self, request, obj=None):
        if getattr(request, "history_read_only", False):
            opts = self.model._meta
            return [
                f.name for f in [*opts.concrete_fields, *opts.many_to_many] if not f.primary_key
            ]
        return super().get_readonly_fields(request, obj)

    def revert_disabled(self, request, obj=None):
        return True

    def has_change_history_permission(self, request, obj=None):
        return False
