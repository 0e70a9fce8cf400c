"""Short news-like lines written for the project, by language: titles and first sentences.

They stand in for the scripts and languages the corpus lacks (its pages are German, English and a
few French). Written for Diptych; no line is taken from anywhere.
"""

SAMPLES: dict[str, list[str]] = {
    "ja": [
        "港町で新しい橋が開通",
        "市議会は28日、港湾の拡張計画を賛成多数で可決した。",
        "気象庁によると、週末にかけて西日本で大雨が続く見通しだ。",
        "新駅の建設費は当初の見込みより約120億円多くなった。",
        "「安全を最優先に進める」と市長は記者会見で述べた。",
        "選手権大会、地元の高校が初優勝",
        "電力会社は来月から料金を平均3%引き上げると発表した。",
    ],
    "zh": [
        "港口城市新大桥正式通车",
        "市政府27日宣布，将在明年投资三十亿元改造旧城区。",
        "据气象部门预测，本周末南方地区将出现持续强降雨。",
        "“我们会把安全放在第一位，”市长在记者会上说。",
        "新机场的客流量比去年同期增长了百分之十二。",
        "国家队在决赛中以二比一获胜",
        "该公司表示，新工厂预计于2026年投入使用。",
    ],
    "fr": [
        "Le nouveau pont du port ouvre enfin à la circulation",
        "Le conseil municipal a voté mardi le projet d'agrandissement du port.",
        "Selon Météo-France, de fortes pluies sont attendues dans le sud ce week-end.",
        "« Nous mettrons la sécurité au premier plan », a déclaré la maire.",
        "Le coût du chantier dépasse désormais les prévisions de 12 millions d'euros.",
        "Grève des transports : les syndicats appellent à manifester jeudi",
    ],
    "es": [
        "El nuevo puente del puerto abre por fin al tráfico",
        "El ayuntamiento aprobó el martes el plan de ampliación del puerto.",
        "Según la agencia meteorológica, se esperan lluvias intensas en el sur este fin de semana.",
        "«La seguridad es lo primero», dijo la alcaldesa en rueda de prensa.",
        "El coste de la obra supera ya en doce millones de euros lo previsto.",
        "Huelga de transporte: los sindicatos convocan protestas el jueves",
    ],
    "it": [
        "Il nuovo ponte del porto apre finalmente al traffico",
        "Il consiglio comunale ha approvato martedì il piano di ampliamento del porto.",
        "Secondo il servizio meteorologico, nel fine settimana sono attese forti piogge al sud.",
        "«La sicurezza viene prima di tutto», ha detto il sindaco in conferenza stampa.",
        "Il costo dei lavori supera ormai di dodici milioni di euro le previsioni.",
        "Sciopero dei trasporti: i sindacati annunciano proteste giovedì",
    ],
    "pt": [
        "A nova ponte do porto abre finalmente ao trânsito",
        "A câmara municipal aprovou na terça-feira o plano de ampliação do porto.",
        "Segundo o instituto de meteorologia, são esperadas chuvas fortes no sul neste fim de semana.",
        "«A segurança vem em primeiro lugar», disse a presidente da câmara.",
        "O custo da obra já ultrapassa em doze milhões de euros o previsto.",
        "Greve nos transportes: sindicatos convocam protestos para quinta-feira",
    ],
    "ru": [
        "Новый мост в порту наконец открыт для движения",
        "Городской совет во вторник одобрил план расширения порта.",
        "По данным синоптиков, в выходные на юге ожидаются сильные дожди.",
        "«Безопасность прежде всего», — заявил мэр на пресс-конференции.",
        "Стоимость работ уже превысила смету на двенадцать миллионов рублей.",
        "Забастовка транспортников: профсоюзы призывают к протестам в четверг",
    ],
    "ar": [
        "افتتاح الجسر الجديد في الميناء أمام حركة المرور",
        "وافق المجلس البلدي يوم الثلاثاء على خطة توسيع الميناء.",
        "وبحسب هيئة الأرصاد، يتوقع هطول أمطار غزيرة في الجنوب خلال عطلة نهاية الأسبوع.",
        "قال رئيس البلدية في مؤتمر صحفي إن السلامة تأتي أولا.",
        "تجاوزت تكلفة الأشغال التقديرات بنحو اثني عشر مليون دولار.",
        "إضراب في قطاع النقل والنقابات تدعو إلى الاحتجاج يوم الخميس",
    ],
}
