# Third-party C libraries compiled from Debian source packages unpacked by scripts/deps.sh.
# Each is optional at configure time so that the core builds before they are unpacked; features that need one
# define HS_HAVE_<NAME>.
