"""From a file on disk to an indexed `Article`, in the order the data flows:

`load` checks the path and picks a reader (`readers/`), `isolated` runs that read in a worker
process within a time and memory budget, `clean` says what each paragraph is, `build` joins and
marks the blocks, `text` splits sentences and word tokens with offsets, `hyphens`
decides whether a word broken at a line's end keeps its hyphen, `published` finds the date
of publication, `controls` neutralises characters that must never act in an output, and `peek`
reads a quick title for a folder's list.
"""
