" Tariff rules language (docs/language.md): files ending in .tariff.
autocmd BufRead,BufNewFile *.tariff setfiletype tariff
