"""A result as people and programs receive it: route text (text.py), the JSON contract
(json.py), the referral slip (slip.py: text, Markdown, A4 HTML) and where slips are written
(slip_file.py). The words come from present.py; each module only lays them out."""
