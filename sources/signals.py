"""What the library announces, so that the parts built on it can follow without the library
knowing them.

The library decides what happens to sources and passages; whoever cites or matches its
passages listens here (the claims app connects its receivers in its AppConfig.ready):

* `passages_in_use` is sent with `passage_ids` before passages are removed. Each receiver
  returns the ids it cannot let go (a passage accepted as evidence); those are kept.
* `passages_removing` is sent with `passage_ids` inside the removal's transaction, before
  the rows go, so receivers drop what they hold on them.
* `passages_changed` is sent with `passage_ids` (and an optional `reason`) when the text of
  passages changed, inside the transaction that changed them.
* `source_edition_changed` is sent with `source` and `reason` when a source gets another
  publication date (a new edition), inside the transaction.
* `library_changed` is sent when passages were added, changed or removed, inside the
  transaction: receivers that start work elsewhere defer it to `transaction.on_commit`.
"""

from django.dispatch import Signal

passages_in_use = Signal()
passages_removing = Signal()
passages_changed = Signal()
source_edition_changed = Signal()
library_changed = Signal()


def passages_kept(passage_ids: list[int]) -> set[int]:
    """The ids among `passage_ids` that a receiver of `passages_in_use` needs kept."""
    if not passage_ids:
        return set()
    kept: set[int] = set()
    for _receiver, response in passages_in_use.send(sender=None, passage_ids=passage_ids):
        kept |= set(response or ())
    return kept
