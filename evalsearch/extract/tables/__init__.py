"""Tables of evaluation reports: where they stand, their rows and cells, and goal-table records.

The model, in the order the stages run:

* ``regions``: where a table stands on a page — between horizontal rules and
  shaded header rows, or (drawn without rules) as aligned columns of rows led
  by goal ids ("A1:", "B2").
* ``grid``: a region → column edges (vertical rules, break points of rules split
  per cell, or white gutters) and rows of cells; multi-line cells joined and
  de-hyphenated.
* ``legend``: note and legend lines under a table ("● Angiver at målet er opfyldt").
* ``pagetables``: every table of every page, with the rows that hang past its
  rules and whether it opens or ends its page; ``table_text`` for the text view.
* ``merge``: parts of one table printed on consecutive pages → one table
  (a repeated header dropped, a row cut by the page break rejoined).
* ``records``: tables → ``GoalTable`` (kind, columns, goal rows) or ``OtherTable``.
* ``assessment``: whether each goal was met, from its status cell, its numbers
  and the report's own verdict sentences; ``terms`` holds the Danish words.
* ``stage``: the record stage ``read_tables(context)`` run by the pipeline.
"""
