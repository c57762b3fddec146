-- keepwarm schema, version 15: notes that may name a day.
--
-- "Board meets 17 Dec" is often not the last thing logged with a contact
-- ("sent the draft order form" comes after it), and the planner must still
-- see the board coming. Every date it reads has a day number, so only notes
-- with a digit can name one; this partial index keeps just those, by date.
-- The planner's query repeats this WHERE clause word for word (see
-- `DATED_CUE` in store/planning.rs), which is what lets SQLite use it.

CREATE INDEX interactions_dated ON interactions (date)
WHERE note GLOB '*[0-9]*';
