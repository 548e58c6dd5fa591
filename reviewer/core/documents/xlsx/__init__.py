"""Workbooks: xlsx/xlsm/xltx (OOXML) in reader.py, Excel 97-2003 (BIFF8) in xls.py; cells as blocks in cells.py."""
