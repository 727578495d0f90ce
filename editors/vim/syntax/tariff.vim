" Vim syntax file for the tariff rules language (docs/language.md); Vim 8 and Neovim 0.7 on.
"
" In step with editors/textmate/tariff.tmLanguage.json. Each token gets one of the classes below
" (tariffComment ... tariffBuiltin), which stand for the TextMate scope families as the table in
" docs/editors.md says; the helper groups that give words their context link to a class, or to
" nothing when the token is plain text. tests/editors/nvim_test.lua checks that both grammars
" give every token of the example tariffs the same class.
if exists('b:current_syntax')
  finish
endif
let s:cpo_save = &cpo
set cpo&vim

syn case match
" A word is what a name is made of: '.' and '%' end one.
syn iskeyword a-z,A-Z,48-57,_

" ---- comments; '#@' starts a directive (#@ allow window-overlap) -----------------------------
syn match   tariffComment        /#.*$/ contains=@Spell
syn region  tariffDirectiveLine  matchgroup=tariffDirective start=/#@/ end=/$/ oneline keepend transparent contains=tariffDirectiveWord,tariffDiagnosticName,tariffComment
syn keyword tariffDirectiveWord  contained allow
syn match   tariffDiagnosticName contained /\v<[A-Za-z0-9][A-Za-z0-9_-]*/

" ---- literals: where two start at one place the later wins, so the most specific comes last -----
syn match   tariffNumber   /\v<\d+(\.\d+)?>/ nextgroup=tariffMode skipwhite
syn match   tariffDuration /\v<\d+(\.\d+)?(h|min)>/
syn match   tariffPercent  /\v<\d+(\.\d+)?\%/
syn match   tariffTime     /\v(\d|\.)@1<!\d{2}:\d{2}(\d|\%)@!/
syn match   tariffDate     /\v<\d{4}-\d{2}-\d{2}>/
syn region  tariffString   start=/"/ skip=/\\[\\"]/ end=/"\|$/ oneline contains=tariffEscape,tariffBadEscape
syn match   tariffBadEscape contained /\\\(["\\]\)\@!.\?/
syn match   tariffEscape   contained /\\[\\"]/
syn keyword tariffBoolean  true false
syn keyword tariffMode     contained half_even half_up half_down up down ceiling floor
" Money: the amount after price, cost, charge and overage (and fee, in a plan).
syn keyword tariffMoneyWord price cost charge overage nextgroup=tariffMoney skipwhite
syn match   tariffMoney    contained /\v<\d+(\.\d+)?>(\%|\.|h>|min>)@!/

" ---- expressions -------------------------------------------------------------------------------
syn keyword tariffLogical  and or not
syn match   tariffFunction /\v<(min|max)>\ze\s*\(/
syn keyword tariffBuiltin  base quantity amount
syn match   tariffAttributeScope /\v<(contract|client|site|work)>\ze\./
syn match   tariffOperator /\.\.\|<=\|>=\|!=\|[=<>+*\/-]/
syn keyword tariffCalendarTest in on during nextgroup=tariffHoliday,tariffReference skipwhite
syn keyword tariffHoliday  contained holiday
syn match   tariffReference contained /\v<[a-z][a-z0-9_]*>/
" Reserved words with no context of their own.
syn keyword tariffKeyword  default by else effective bill started minimum maximum discount for when
syn keyword tariffKeyword  unit prorated alert catalogue round holiday

" ---- declarations at the top -------------------------------------------------------------------
syn keyword tariffDeclaration tariff
syn keyword tariffCurrencyWord currency nextgroup=tariffCurrency skipwhite
syn match   tariffCurrency contained /\v<[A-Z]{3}>/
syn keyword tariffRoundingWord rounding nextgroup=tariffRoundingPoint skipwhite
syn keyword tariffRoundingPoint contained segment line statement
syn keyword tariffNamingWord rule table nextgroup=tariffName skipwhite
syn match   tariffName     contained /\v<[a-z][a-z0-9_]*>/
syn keyword tariffAttributeWord attribute nextgroup=tariffDeclaredScope skipwhite
syn match   tariffDeclaredScope contained /\v<(contract|client|site|work)>/ nextgroup=tariffDeclaredDot
syn match   tariffDeclaredDot contained /\./ nextgroup=tariffDeclaredName
syn match   tariffDeclaredName contained /\v<[a-z][a-z0-9_]*>/ nextgroup=tariffDeclaredColon skipwhite
syn match   tariffDeclaredColon contained /:/ nextgroup=tariffType skipwhite
syn keyword tariffType     contained string number integer money percent bool date

syn cluster tariffExpression contains=tariffComment,tariffDirectiveLine,tariffNumber,tariffDuration,tariffPercent,tariffTime,tariffDate,tariffString,tariffBoolean,tariffMoneyWord,tariffLogical,tariffFunction,tariffBuiltin,tariffAttributeScope,tariffOperator,tariffCalendarTest,tariffKeyword

" ---- calendar { ... } --------------------------------------------------------------------------
syn region  tariffCalendar matchgroup=tariffDeclaration start=/\<calendar\>/ matchgroup=NONE end=/}/ transparent contains=tariffComment,tariffDirectiveLine,tariffNumber,tariffTime,tariffDate,tariffOperator,tariffKeyword,tariffCalendarWord,tariffCalendarNaming,tariffZoneWord,tariffWeekday
syn keyword tariffZoneWord contained timezone nextgroup=tariffZone skipwhite
syn match   tariffZone     contained /\v<[A-Za-z][A-Za-z0-9_/+-]*/
syn keyword tariffCalendarNaming contained window days season nextgroup=tariffName skipwhite
syn keyword tariffCalendarWord contained holidays
syn keyword tariffWeekday  contained mon tue wed thu fri sat sun

" ---- pricelist name [extends base] [effective date] { items } -----------------------------------
syn region  tariffPricelist matchgroup=tariffDeclaration start=/\v<pricelist>\ze\s+[a-z]/ matchgroup=NONE end=/}/ transparent contains=tariffComment,tariffDirectiveLine,tariffString,tariffNumber,tariffDuration,tariffPercent,tariffDate,tariffOperator,tariffKeyword,tariffMoneyWord,tariffListName,tariffExtends,tariffItemWord,tariffItemPer,tariffQuantity,tariffCredit,tariffTiers
syn match   tariffListName contained /\v(<pricelist\s+)@<=[a-z][a-z0-9_]*/
syn keyword tariffExtends  contained extends nextgroup=tariffName skipwhite
syn keyword tariffItemWord contained item nextgroup=tariffName skipwhite
syn keyword tariffItemPer  contained per nextgroup=tariffUnit,tariffStepScope skipwhite
syn keyword tariffUnit     contained hour minute day month visit piece km kg m2 m3
syn keyword tariffStepScope contained segment line
syn match   tariffQuantity contained /\v<\d+(\.\d+)?>\ze\s+(hour|minute|day|month|visit|piece|km|kg|m2|m3)>/ nextgroup=tariffUnit skipwhite
syn keyword tariffCredit   contained credit
syn region  tariffTiers    contained matchgroup=tariffKeyword start=/\<tiers\>/ matchgroup=NONE end=/}/ transparent contains=tariffComment,tariffTierKind,tariffTierColon,tariffNumber,tariffPercent,tariffOperator
syn keyword tariffTierKind contained graduated volume percentage package
syn match   tariffTierColon contained /:/ nextgroup=tariffMoney skipwhite

" ---- plan name { entries } ---------------------------------------------------------------------
syn region  tariffPlan     matchgroup=tariffDeclaration start=/\v<plan>\ze\s+[a-z]/ matchgroup=NONE end=/}/ transparent contains=@tariffExpression,tariffPlanName,tariffPlanWord,tariffPlanReferring,tariffPeriodWord,tariffFeeWord,tariffPlanPer,tariffIncludes,tariffOrder,tariffLate
syn match   tariffPlanName contained /\v(<plan\s+)@<=[a-z][a-z0-9_]*/
syn keyword tariffPlanReferring contained pricelist nextgroup=tariffReference skipwhite
syn keyword tariffPeriodWord contained period nextgroup=tariffPeriod skipwhite
syn keyword tariffPeriod   contained month quarter year
syn keyword tariffFeeWord  contained fee nextgroup=tariffFeeName,tariffMoney skipwhite
syn match   tariffFeeName  contained /\v<(per>)@![a-z][a-z0-9_]*>/ nextgroup=tariffMoney skipwhite
syn keyword tariffPlanPer  contained per nextgroup=tariffPeriod skipwhite
syn keyword tariffIncludes contained includes nextgroup=tariffAllowanceCount,tariffAllowanceTime skipwhite
syn match   tariffAllowanceCount contained /\v<\d+(\.\d+)?>/ nextgroup=tariffReference skipwhite
syn match   tariffAllowanceTime contained /\v<\d+(\.\d+)?(h|min)>/ nextgroup=tariffReference skipwhite
syn keyword tariffOrder    contained order nextgroup=tariffOrderKind,tariffOrderWork skipwhite
syn keyword tariffOrderKind contained cheapest dearest
syn keyword tariffOrderWork contained work
syn keyword tariffLate     contained late nextgroup=tariffLateWork skipwhite
syn keyword tariffLateWork contained work nextgroup=tariffLateCount skipwhite
syn match   tariffLateCount contained /\v<\d+(\.\d+)?>/ nextgroup=tariffLateUnit skipwhite
syn keyword tariffLateUnit contained periods period
syn keyword tariffPlanWord contained prepaid

" ---- tax name included|excluded per line|statement round step mode { rate ...; exempt when ... } -
syn region  tariffTax      matchgroup=tariffDeclaration start=/\v<tax>\ze\s+[a-z][a-z0-9_]*\s+(included|excluded)>/ matchgroup=NONE end=/}/ transparent contains=@tariffExpression,tariffTaxName,tariffTaxWord,tariffTaxPer,tariffRate
syn match   tariffTaxName  contained /\v(<tax\s+)@<=[a-z][a-z0-9_]*/
syn keyword tariffTaxWord  contained included excluded exempt
syn keyword tariffTaxPer   contained per nextgroup=tariffRoundingPoint skipwhite
syn keyword tariffRate     contained rate nextgroup=tariffName skipwhite

" ---- group name stack kind { rules }, pay name { rules } ----------------------------------------
syn region  tariffGroup    matchgroup=tariffDeclaration start=/\v<group>\ze\s+[a-z]/ matchgroup=NONE end=/}/ transparent contains=@tariffExpression,tariffNamingWord,tariffGroupName,tariffStack
syn match   tariffGroupName contained /\v(<group\s+)@<=[a-z][a-z0-9_]*/
syn keyword tariffStack    contained stack nextgroup=tariffStacking skipwhite
syn keyword tariffStacking contained multiply largest add
syn region  tariffPay      matchgroup=tariffDeclaration start=/\v<pay>\ze\s+[a-z][a-z0-9_]*\s*(\{|#|$)/ matchgroup=NONE end=/}/ transparent contains=@tariffExpression,tariffNamingWord,tariffPayName
syn match   tariffPayName  contained /\v(<pay\s+)@<=[a-z][a-z0-9_]*/

" ---- migrate plan old -> new, migrate allowance "old" -> "new" (tariff versions) ---------------
syn match   tariffMigrate  /\v^migrate>\ze\s+(plan|allowance)>/ nextgroup=tariffMigrateWhat skipwhite
syn keyword tariffMigrateWhat contained plan allowance

" A block ({ ... }) gives its words their meaning, and a price list may run for thousands of
" lines. To read a line Vim looks up from the line above it for the nearest line that tells what
" follows it: a declaration in column 1 (docs/language.md, Layout) or a closing brace there ends
" any block, a block's first line (one that goes on below) opens it, and an item or an override
" line is inside a price list.
syn sync match tariffSyncTop grouphere NONE /\v^(tariff|rounding|attribute|table|rule)>.*$/
syn sync match tariffSyncTop grouphere NONE /^}.*$/
syn sync match tariffSyncTop grouphere NONE /\v^(calendar|pricelist|plan|tax|group|pay)>.*}.*$/
syn sync match tariffSyncCalendar grouphere tariffCalendar /\v^calendar>[^}]*$/
syn sync match tariffSyncPricelist grouphere tariffPricelist /\v^pricelist>[^}]*$/
syn sync match tariffSyncPricelist grouphere tariffPricelist /\v^\s+item>.*$/
syn sync match tariffSyncPricelist grouphere tariffPricelist /\v^\s+[a-z][a-z0-9_]*\s+(price|cost|bill|minimum|maximum|discount|tiers|credit)>.*$/
syn sync match tariffSyncPlan grouphere tariffPlan /\v^plan>[^}]*$/
syn sync match tariffSyncTax grouphere tariffTax /\v^tax>[^}]*$/
syn sync match tariffSyncGroup grouphere tariffGroup /\v^group>[^}]*$/
syn sync match tariffSyncPay grouphere tariffPay /\v^pay>[^}]*$/
syn sync minlines=1 maxlines=2000

" ---- the classes, then each helper group to its class ------------------------------------------
hi def link tariffComment        Comment
hi def link tariffDirective      PreProc
hi def link tariffDiagnosticName Special
hi def link tariffDeclaration    Statement
hi def link tariffKeyword        Keyword
hi def link tariffLogical        Operator
hi def link tariffOperator       Operator
hi def link tariffDefinition     Function
hi def link tariffNumber         Number
hi def link tariffMoney          Float
hi def link tariffDuration       Number
hi def link tariffPercent        Number
hi def link tariffDate           Constant
hi def link tariffTime           Constant
hi def link tariffString         String
hi def link tariffEscape         SpecialChar
hi def link tariffInvalid        Error
hi def link tariffBoolean        Boolean
hi def link tariffFunction       Function
hi def link tariffContext        Type
hi def link tariffAttributeScope Identifier
hi def link tariffBuiltin        Special

hi def link tariffDirectiveWord   tariffDirective
hi def link tariffBadEscape       tariffInvalid
hi def link tariffMode            tariffContext
hi def link tariffMoneyWord       tariffKeyword
hi def link tariffCalendarTest    tariffKeyword
hi def link tariffHoliday         tariffKeyword
hi def link tariffCurrencyWord    tariffKeyword
hi def link tariffCurrency        tariffContext
hi def link tariffRoundingWord    tariffDeclaration
hi def link tariffRoundingPoint   tariffContext
hi def link tariffNamingWord      tariffDeclaration
hi def link tariffName            tariffDefinition
hi def link tariffAttributeWord   tariffDeclaration
hi def link tariffDeclaredScope   tariffAttributeScope
hi def link tariffDeclaredName    tariffDefinition
hi def link tariffType            tariffContext
hi def link tariffZoneWord        tariffDeclaration
hi def link tariffZone            tariffContext
hi def link tariffCalendarNaming  tariffDeclaration
hi def link tariffCalendarWord    tariffDeclaration
hi def link tariffWeekday         tariffContext
hi def link tariffListName        tariffDefinition
hi def link tariffExtends         tariffKeyword
hi def link tariffItemWord        tariffDeclaration
hi def link tariffItemPer         tariffKeyword
hi def link tariffUnit            tariffContext
hi def link tariffStepScope       tariffContext
hi def link tariffQuantity        tariffNumber
hi def link tariffCredit          tariffKeyword
hi def link tariffTierKind        tariffContext
hi def link tariffPlanName        tariffDefinition
hi def link tariffPlanReferring   tariffKeyword
hi def link tariffPeriodWord      tariffKeyword
hi def link tariffPeriod          tariffContext
hi def link tariffFeeWord         tariffKeyword
hi def link tariffFeeName         tariffDefinition
hi def link tariffPlanPer         tariffKeyword
hi def link tariffIncludes        tariffKeyword
hi def link tariffAllowanceCount  tariffNumber
hi def link tariffAllowanceTime   tariffDuration
hi def link tariffOrder           tariffKeyword
hi def link tariffOrderKind       tariffContext
hi def link tariffOrderWork       tariffKeyword
hi def link tariffLate            tariffKeyword
hi def link tariffMigrate         tariffDeclaration
hi def link tariffMigrateWhat     tariffKeyword
hi def link tariffLateWork        tariffKeyword
hi def link tariffLateCount       tariffNumber
hi def link tariffLateUnit        tariffKeyword
hi def link tariffPlanWord        tariffKeyword
hi def link tariffTaxName         tariffDefinition
hi def link tariffTaxWord         tariffKeyword
hi def link tariffTaxPer          tariffKeyword
hi def link tariffRate            tariffDeclaration
hi def link tariffGroupName       tariffDefinition
hi def link tariffStack           tariffKeyword
hi def link tariffStacking        tariffContext
hi def link tariffPayName         tariffDefinition

let b:current_syntax = 'tariff'
let &cpo = s:cpo_save
unlet s:cpo_save
