/** Formulas in file form: what Excel expects inside <f>, per Microsoft's list of "future functions". */
import { fileFormula } from "../../src/writers/xlsx";

test.each([
  ["=A1+1", "A1+1", "the leading = is not stored in the file"],
  ["  =SUM(T[Impact])  ", "SUM(T[Impact])", "surrounding spaces go too"],
  ["=IFNA(MATCH(1,A:A,0),0)", "_xlfn.IFNA(MATCH(1,A:A,0),0)", "IFNA is an Excel 2013 function"],
  ["=ifs(A1>1,1,TRUE,2)", "_xlfn.ifs(A1>1,1,TRUE,2)", "any letter case"],
  ["=FILTER(T[A],T[B]>0)", "_xlfn._xlws.FILTER(T[A],T[B]>0)", "FILTER and SORT are worksheet-scoped future functions"],
  ['="IFNA(" & A1', '"IFNA(" & A1', "names inside a string are text"],
  ['="a ""IFS("" b"&IFS(A1,1)', '"a ""IFS("" b"&_xlfn.IFS(A1,1)', "a doubled quote does not end the string"],
  ["=SROI.PV(SroiRate,1,2,3,1,TRUE)", "SROI.PV(SroiRate,1,2,3,1,TRUE)", "the add-in's functions are left alone"],
  ["=SUMIFS(T[PV],T[S],\"x\")+IFERROR(1/0,0)", "SUMIFS(T[PV],T[S],\"x\")+IFERROR(1/0,0)", "Excel 2007 functions need no prefix"],
  ["=MYIFNA(1)", "MYIFNA(1)", "a longer name that merely ends like one is not touched"],
])("%s → %s (%s)", (formula, expected) => expect(fileFormula(formula)).toBe(expected));
