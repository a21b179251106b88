"""A small agenda built by hand, for tests that need a meeting but not a parser.

A plain module (not conftest) so that tests in sub-folders import it by a name no other conftest shadows.
"""

from minutes_tui.core.model import AgendaItem, MeetingDetails, ParsedAgenda


def small_agenda() -> ParsedAgenda:
    """Three items, one with two sub-items: enough to exercise moves, containers and undo."""
    items = [
        AgendaItem(None, "1.", "Adoption of the agenda", doc_refs=["CM 5119/21"], position=0),
        AgendaItem(None, "2.", "Counter-terrorism", section="Discussion items:", position=1),
        AgendaItem(None, "2.1.", "Threat assessment", section="Discussion items:", level=1, doc_refs=["13682/21"], position=2),
        AgendaItem(None, "2.2.", "Security checks", section="Discussion items:", level=1, position=3),
        AgendaItem(None, "3.", "AOB", position=4),
    ]
    details = MeetingDetails(committee="Standing Committee (COSI)", short_name="COSI", agenda_ref="CM 5119/21")
    return ParsedAgenda(details, items, [None, None, 1, 1, None])
