"""The direct-payment record: money in and out against the plan.

- statement: a bank statement's CSV file read into plain rows, each with a mark that stays
  the same however often the statement is read; payees put in one form to be recognised
- csvfile: CSV written so that no cell can act as a formula in a spreadsheet
"""
