" :compiler tariff — :make runs `tariff check` on the current file and reads its diagnostics
" (`file:line:col: severity: message`, then the source line and a caret; docs/cli.md) into the
" quickfix list. The tool is `tariff` on PATH, or g:tariff_program.
if exists('current_compiler')
  finish
endif
let current_compiler = 'tariff'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif
let s:cpo_save = &cpo
set cpo&vim

execute 'CompilerSet makeprg=' . escape(get(g:, 'tariff_program', 'tariff') . ' check %:S', ' \|"')
" Columns count bytes, as Vim's do. The message ends with the finding's stable name in brackets
" (`[unknown-item]`, docs/language.md), left out of the quickfix text; the severity may carry it
" instead (`error[unknown-item]:`). The quoted source line, the caret and fix-it lines, `FILE: ok`
" and the closing count are left out; a file the tool cannot read stays as a message.
let s:errorformat = [
      \ '%f:%l:%c: %trror: %m [%*[-a-z0-9]]',
      \ '%f:%l:%c: %tarning: %m [%*[-a-z0-9]]',
      \ '%f:%l:%c: %trror[%*[^]]]: %m',
      \ '%f:%l:%c: %tarning[%*[^]]]: %m',
      \ '%f:%l:%c: %trror: %m',
      \ '%f:%l:%c: %tarning: %m',
      \ '%f:%l:%c: %tote: %m',
      \ '%-Gtariff: %*\d error(s)%.%#',
      \ '%+Gtariff: %m',
      \ '%-G%.%#',
      \ ]
execute 'CompilerSet errorformat=' . escape(join(s:errorformat, ','), ' \|"')
unlet s:errorformat

let &cpo = s:cpo_save
unlet s:cpo_save
