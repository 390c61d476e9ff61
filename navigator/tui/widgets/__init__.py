"""Widgets shared by screens: the referral list and the selected referral's details."""
