"""Admin pages for records the code writes and nobody edits by hand (logs, audit trails)."""


class ReadOnlyAdminMixin:
    """No add, change or delete in the admin: the record is written by the action it logs."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
