"""The direct-payment record: money in and out of a direct payment's account, kept as events
in the journey (journey.core.model's MoneyKept, MoneyRemoved and MoneyRule), read back with
every field checked (`record`), set against the plan's costed support for any period
(`against`), and written out for the council's check (`export`). `kinds` loads what the
record says and the kinds of money and proof from content/money.toml. No Textual.

- statement: a bank statement's CSV file read into plain rows, each with a mark that stays
  the same however often the statement is read; payees put in one form to be recognised
- csvfile: CSV written so that no cell can act as a formula in a spreadsheet
"""
