" Tariff files: '#' comments, two-space indentation (the layout of `tariff fmt`), and
" `tariff check` as :make (compiler/tariff.vim).
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal comments=:# commentstring=#\ %s
setlocal expandtab shiftwidth=2 softtabstop=2
setlocal iskeyword=a-z,A-Z,48-57,_
setlocal formatoptions-=t formatoptions+=croql
let b:undo_ftplugin = 'setlocal comments< commentstring< expandtab< shiftwidth< softtabstop< iskeyword< formatoptions<'

if !exists('b:current_compiler')
  compiler tariff
  let b:undo_ftplugin .= ' makeprg< errorformat< | unlet! b:current_compiler'
endif
