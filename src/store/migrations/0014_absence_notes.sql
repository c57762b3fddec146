-- keepwarm schema, version 14: notes that may say someone is away, not to be
-- contacted, or not to be sold to before a day.
--
-- "Maternity leave until March" is often not the last thing logged with a
-- contact, and the planner must still hold their pings. Reading every recent
-- note to find the few that speak of an absence or a no-contact rule would
-- cost a scan of the whole history; this partial index keeps just those, by
-- date. The planner's query repeats this WHERE clause word for word (see
-- `ABSENCE_CUES` in store/planning.rs), which is what lets SQLite use it.

CREATE INDEX interactions_absences ON interactions (date)
WHERE note LIKE '%leave%' OR note LIKE '%away%' OR note LIKE '%holiday%'
   OR note LIKE '%vacation%' OR note LIKE '%sabbatical%' OR note LIKE '%overseas%'
   OR note LIKE '%off %' OR note LIKE '%contact%' OR note LIKE '%blackout%'
   OR note LIKE '%probity%' OR note LIKE '%not before%' OR note LIKE '%revisit%'
   OR note LIKE '%on hold%' OR note LIKE '%no appetite%' OR note LIKE '%parked%'
   OR note LIKE '%no budget%' OR note LIKE '%not a priority%'
   OR note LIKE '%talk to vendors%' OR note LIKE '%vendor contact%';
