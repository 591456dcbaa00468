"""The direct-payment record: money in and out of a direct payment's account, kept as events
in the journey (journey.core.model's MoneyKept, MoneyRemoved and MoneyRule), read back with
every field checked (`record`), set against the plan's costed support for any period
(`against`), and written out for the council's check (`export`). `kinds` loads what the
record says and the kinds of money and proof from content/money.toml. No Textual.

Reading bank statements is `statement`, and writing CSV safely `csvfile`, when they are here."""
