"""Minor units of currencies: how many decimals money="minor" scales amounts by.

ISO 4217 gives each currency its minor unit. Most have 2 (kopeks, cents); those listed here
differ. A currency not listed is taken to have 2; pass ``minor_scale=`` to price_table to say
otherwise (a tariff that bills in tenths of a kopek, say).
"""

_NOT_TWO = {
    # 0 decimals
    "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0,
    "PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0,
    "XPF": 0,
    # 3 decimals
    "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
    # 4 decimals
    "CLF": 4, "UYW": 4,
}


def minor_units(currency: str) -> int:
    """The ISO 4217 minor unit of ``currency``: 2 for RUB, EUR, USD; 0 for JPY; 3 for KWD."""
    return _NOT_TWO.get(currency.upper(), 2)
