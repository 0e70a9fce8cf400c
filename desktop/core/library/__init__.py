"""Many articles at once: finding files under folders (`folder`), loading them on every core
(`batch`), slimming them while listed (`slim`), guessing which report the same story (`related`),
and saving the set as a workspace (`workspace`).
"""
