"""Function words of German, French, Spanish, Italian and Portuguese, lower case: articles, pronouns,
prepositions, conjunctions, auxiliaries and common adverbs. None of them starts or ends a name."""

from __future__ import annotations

_WORDS = {
    "de": """der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
        ich du er sie es wir ihr mich dich sich uns euch ihm ihn ihnen mein meine dein sein seine seinen seinem
        seiner ihre ihren ihrem ihrer unser unsere euer dies diese dieser dieses diesem diesen jene jener jenes
        welche welcher welches was wer wie wo wann warum weshalb woher wohin ob dass daß weil wenn als da denn
        doch aber oder und sondern sowie auch noch schon nur sehr mehr viel viele vielen wenig wenige alle allen
        aller alles jeder jede jedes jeden man nicht nichts nie immer wieder hier dort dann damals jetzt heute
        so zu zum zur im in ins am an ans auf aus bei beim mit nach seit von vom vor durch für gegen ohne um
        über unter zwischen neben hinter bis ab trotz während wegen statt außer innerhalb außerhalb laut gemäß
        ist sind war waren bin bist sei seien wird werden wurde wurden worden hat haben hatte hatten habe
        kann können konnte konnten muss müssen musste soll sollen sollte will wollen wollte darf dürfen mag
        gibt gab geht ging kommt kam macht machte steht stand liegt lag heißt hieß sagt sagte
        dabei dazu damit darauf daran davon dafür dagegen darüber danach dennoch jedoch zudem außerdem also
        etwa rund knapp fast gut neue neuen neuer neues erste ersten zweite letzte letzten andere anderen
        mal bereits erst eben selbst ebenfalls gerade ganz zwar sowohl weder noch nun denn ja nein bitte
        wurde gleich beide beiden einige einigen manche mehrere solche solchen""",
    "fr": """le la les l un une des du de d au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos
        votre vos leur leurs je tu il elle on nous vous ils elles me te se lui eux y en qui que quoi dont où
        quand comme si mais ou et donc or ni car ne pas plus moins très trop peu bien tout toute tous toutes
        autre autres même mêmes aussi encore déjà jamais toujours ici là alors puis ensuite après avant
        pendant depuis pour par avec sans sous sur dans entre vers chez contre selon malgré parmi dès
        est sont était étaient être été a ont avait avaient avoir eu fait faire sera seront serait peut
        c ça cela ceci celui celle ceux celles chaque quel quelle quels quelles plusieurs certains certaines
        aucun aucune cependant pourtant ainsi enfin lorsque puisque parce oui non voici voilà
        n s j m qu jusqu lorsqu puisqu quelqu aujourd hier demain""",
    "es": """el la los las lo un una unos unas del al de a en con por para sin sobre entre hacia hasta desde
        durante según contra tras ante bajo mi mis tu tus su sus nuestro nuestra nuestros nuestras yo tú él ella
        ello nosotros vosotros ellos ellas me te se nos os le les que quien quienes cual cuales cuyo donde cuando
        como si pero o u y e ni no sí más menos muy mucho mucha muchos muchas poco todo toda todos todas otro
        otra otros otras mismo misma también ya aún todavía nunca siempre aquí allí ahí entonces luego después
        antes es son era eran fue fueron ser sido está están estaba estar ha han había haber hay hace hizo
        este esta estos estas ese esa esos esas aquel aquella cada algunos algunas varios varias sino porque
        aunque mientras pues así incluso además sin embargo ayer hoy""",
    "it": """il lo la i gli le l un uno una un' del dello della dei degli delle al allo alla ai agli alle dal
        dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle di a da in
        con su per tra fra io tu lui lei noi voi loro mi ti si ci vi ne che chi cui quale quali dove quando
        come se ma o e ed né non più meno molto molti molte poco tutto tutta tutti tutte altro altra altri
        altre stesso anche ancora già mai sempre qui qua lì là poi dopo prima è sono era erano essere stato
        stata ha hanno aveva avevano avere c questo questa questi queste quello quella quelli quelle ogni
        alcuni alcune però perché mentre quindi così inoltre oggi ieri domani suo sua suoi sue mio mia""",
    "pt": """o a os as um uma uns umas do da dos das de em no na nos nas ao aos à às pelo pela pelos pelas
        por para com sem sobre entre até desde durante segundo contra após ante sob meu minha seu sua seus
        suas nosso nossa eu tu ele ela nós vós eles elas me te se lhe lhes que quem qual quais cujo onde quando
        como se mas ou e nem não sim mais menos muito muita muitos muitas pouco todo toda todos todas outro
        outra outros outras mesmo também já ainda nunca sempre aqui ali lá então depois antes é são era eram
        foi foram ser sido está estão estava estar há tem têm tinha ter este esta estes estas esse essa esses
        essas aquele aquela cada alguns algumas vários várias porque embora enquanto pois assim além ontem
        hoje""",
}
STOPWORDS: dict[str, frozenset[str]] = {lang: frozenset(row.split()) for lang, row in _WORDS.items()}
