# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Embedded sentiment lexicons for English, French, Spanish and Chinese.

Written for this suite: general opinion words plus the vocabulary of community
relations (complaints, compensation, dust, trust, agreement...). Valences go from
-3 (strongly negative) to +3 (strongly positive). A trailing ``*`` matches any
word starting with the prefix; accents are ignored when matching (en/fr/es).
Chinese entries are matched as substrings, longest first.
"""


def _parse(block):
    table = {}
    for line in block.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        value, words = line.split(":", 1)
        for word in words.split():
            table[word.replace("_", " ")] = float(value)
    return table


EN = _parse(
    """
    3: excellent outstanding superb wonderful fantastic amazing brilliant perfect delighted thrilled
    3: love loved loves lovely grateful gratitude exceptional marvellous marvelous awesome superb
    3: best ecstatic overjoyed magnificent exemplary
    2: good great nice happy glad pleased satisfied satisfying satisfaction thank thanks thankful
    2: appreciate appreciated appreciates appreciation helpful supportive support supported supports
    2: enjoy enjoyed enjoyable positive success successful succeed* benefit* beneficial fair fairly
    2: trust trusted trustworthy respect respected respectful constructive productive fruitful
    2: welcome welcomed welcoming impressive impressed recommend* reliable resolved solved
    2: agree agreed agreement approve approved approval praise* commend* congratulat* celebrat*
    2: reassured reassuring encouraging encouraged hopeful optimistic confident comfortable
    2: transparent honest honesty kind generous friendly cooperative collaborative engaged
    2: improved improvement improvements improving progress efficient effective effectively
    1: like likes
    2: liked pleasant calm safe valuable useful fixed restored clean cleaner
    2: win wins won favourable favorable commitment_kept kept_promise* accepted welcome
    1: ok okay fine adequate acceptable interested interesting willing open agreeable
    1: better clear clarified understand understood calmer stable reasonable fine decent
    1: hope hopes hoping improve* resolve* solution* solutions opportunit* promising benefits
    1: keen fun relief relieved compensated paid granted protected protecting protects responsive
    -1: concern concerns concerned worry worries worried doubt doubts doubtful unclear confus*
    -1: questionable uncertain uncertainty hesitant skeptical sceptical slow delay delays delayed
    -1: late issue issues problem problems difficult difficulty difficulties tired lack lacking
    -1: unfortunately unfortunate sadly wait waiting pending missing risk risks risky nervous
    -1: noise noisy dust dusty smell* odour* odor* crack cracks cracked complicated tension tensions
    -1: mediocre average meh unsure weak pressure expensive costly overdue postponed
    -2: bad poor poorly unhappy sad disappointed disappointing disappointment dissatisf* unsatisf*
    -2: complaint complaints complain complained complaining problem_again annoyed annoying irritat* upset
    -2: angry anger frustrated frustrating frustration unfair unfairly ignored ignore ignoring
    -2: broken fail failed failing failure damage damaged damages harm harmful hurt hurts
    -2: pollut* contaminat* polluted toxic dangerous danger unsafe injur* sick illness disease
    -2: distrust mistrust suspicious suspicion dishonest lie lies lied lying misled mislead*
    -2: oppose opposed opposition object objected objection* reject rejected rejection refuse*
    -2: protest protests protesting threat threaten* threatened conflict conflicts dispute* hostile
    -2: worse useless unacceptable inadequate insufficient unpaid unresolved neglect* abandon*
    -2: wrong mistake mistakes error errors loss losses lost destroy* destroyed flood* flooded
    -2: afraid fear fears scared worried_sick stress stressful painful pain suffer* suffering
    -2: unhelpful rude arrogant disrespect* disrespectful hate hated hates dislike* never_again
    -2: blocked blockade boycott* strike violat* breach breached broke_promise* ignored_again
    -3: terrible horrible awful worst disgusting disgusted furious outraged outrage outrageous
    -3: appalling appalled scandal* scandalous catastroph* disaster* disastrous devastat* betray*
    -3: unbearable intolerable despair desperate hatred abusive abuse violence violent death dead
    -3: poisoned poison* fraud corrupt* theft stolen
    """
)

FR = _parse(
    """
    3: excellent excellente excellents excellentes formidable merveilleu* parfait parfaite parfaits
    3: génial géniale geniale génial fantastique magnifique extraordinaire exceptionnel* superbe
    3: ravi ravie ravis ravies enchanté enchantée reconnaissant* reconnaissance adore adoré adorons
    3: remarquable impeccable
    2: bon bonne bons bonnes super heureux heureuse heureuses content contente contents
    2: satisfait satisfaite satisfaits satisfaites satisfaction merci remercie* remerciement*
    2: apprécie apprécié appréciée appréciés appréciation utile utiles aide aidé soutien soutient
    2: soutenu* positif positive positifs positives succès réussi réussie réussite bénéfique
    2: confiance respect respecté* respectueu* constructif constructive constructifs constructives productif
    2: productive fructueu*
    2: bienvenu* impressionn* recommand* fiable fiables résolu résolue résolus réglé réglée
    2: accord approuv* félicit* encourageant* encouragé* optimiste rassuré* rassurant*
    2: transparent transparente transparence honnête honnêtes gentil gentille gentils gentilles généreu* aimable
    2: amélioré améliorée amélioration améliorations progrès efficace efficaces agréable agréables
    2: aime aimé aimons plaisir calme sûr sûre sécurisé* précieu* propre propres juste équitable
    2: favorable favorables accepté acceptée tenu_parole promesse_tenue
    1: correct correcte acceptable intéressant* intéressé* clair claire clarifié* compris
    1: mieux stable raisonnable espoir espère espérons amélior* solution solutions opportunit*
    1: prometteu* soulag* indemnisé* payé payés payée versé accordé protég* réactif réactive
    -1: inquiet inquiète inquiets inquiètes inquiétude* préoccup* doute doutes incertain*
    -1: confus* lent lente lents retard retards attente attendons manque
    -1: problème problèmes difficile difficiles difficulté* fatigué* dommage malheureusement
    -1: risque risques nerveu* bruit bruits bruyant* poussière poussières odeur* fissure* tension*
    -1: compliqué* moyen moyenne médiocre faible pression cher chers coûteu* reporté* en_retard
    -2: mauvais mauvaise mauvaises mal pire pires triste tristes déçu déçue déçus déçues déception
    -2: mécontent* insatisf* plainte plaintes plaindre plaignent réclamation* grief* agacé* énervé*
    -2: fâché* colère frustré* frustrant* frustration injuste injustes injustice ignoré* ignorent
    -2: cassé* échec échoué échoue panne dégât* dégradé* dommages nuisible* blessé* mal_de
    -2: pollu* contamin* toxique* dangereu* danger malade malades maladie* nocif*
    -2: méfiance défiance suspect* mensonge* mentir menti trompé* malhonnête*
    -2: opposé opposés opposée opposition oppose opposent refus refuse refusé* rejet* rejeté* contesté*
    -2: contestent contestation* manifestants menace* conflit* litige* hostile*
    -2: inacceptable inadmissible insuffisant* inadéquat* impayé* non_payé non_résolu négligé* abandonn*
    -2: erreur erreurs faute perte pertes perdu* détruit* inond* peur crainte* craignent effray*
    -2: stress stressant* douleur souffr* impoli* arrogant* irrespectueu* méprisant* mépris déteste*
    -2: bloqué* blocage boycott* grève violé* violation* non_respect
    -3: terrible terribles horrible horribles affreu* pire_des catastroph* désastre* désastreu*
    -3: scandale* scandaleu* furieu* indigné* indignation révolté* dégoûté* dégoutant* honte honteu*
    -3: insupportable intolérable désespoir désespéré* trahi* trahison violence violent* mort morts
    -3: empoisonn* fraude corrompu* corruption volé volée volés volées
    """
)

ES = _parse(
    """
    3: excelente excelentes maravillos* perfecto perfecta perfectos fantástic* magnífic* extraordinari*
    3: excepcional* estupend* genial geniales encantad* agradecid* agradecimiento* encanta encantó
    3: increíble increibles increíble buenísim* espectacular
    2: bueno buena buenos buenas feliz felices contento contenta contentos contentas satisfech* satisfacción gracias
    2: agradezco agradecemos agradece apreciamos aprecio aprecia apreciado apreciada útil útiles ayuda ayudó
    2: apoyo apoya apoyó apoyad*
    2: positivo positiva positivos positivas éxito exitos* logrado lograda beneficio* benéfic*
    2: confianza confiable confiables respeto respetuos* respetad* constructiv* productiv* fructífer*
    2: bienvenid* impresionad* impresionante recomiend* recomendable resuelto resuelta resueltos
    2: acuerdo aprobad* aprueba felicit* alentador* animad* optimista optimistas tranquil*
    2: transparente transparencia honest* amable amables generos* colaborativ*
    2: mejorado mejorada mejoras mejoró progreso avance* eficiente eficientes eficaz agradable*
    2: gusta gustó gustan guste placer limpio limpia valios* justo justa justos
    2: favorable favorables aceptad* cumplió cumplido cumplida
    1: correcto correcta aceptable interesante interesad* abierto abierta claro clara aclarad*
    1: mejor estable razonable esperanza espero esperamos mejorar solución soluciones oportunidad*
    1: bien prometedor* alivio aliviad* compensad* pagado pagada pagados otorgad* protegido protegida
    1: protegidos atento atenta atentos
    -1: preocupa preocupado preocupada preocupados preocupación preocupaciones duda dudas incierto
    -1: confus* lento lenta retraso retrasos demora demoras espera esperando falta
    -1: problema problemas difícil difíciles dificultad* cansad* lástima lamentablemente
    -1: riesgo riesgos nervios* ruido ruidos ruidos* polvo olor* grieta* tensión tensiones
    -1: complicad* mediocre débil caro caros costoso costosa costosos aplazad* pospuest* pendiente
    -2: malo mala malos malas mal peor peores triste tristes decepcion* decepcionad* desilusion*
    -2: insatisfech* descontent* queja quejas quejan quejamos reclamo reclamos molest* enojad*
    -2: enfadad* rabia frustrad* frustrante frustración injust* injusticia ignorad* ignoran ignoró
    -2: roto rota fallo falló fracaso averí* daño daños dañad* perjudic* herid* lastim*
    -2: contamin* tóxic* peligros* peligro enfermo enferma enfermos enfermas enfermedad enfermedades enfermó
    -2: nociv* insegur*
    -2: desconfianza desconfí* sospech* mentira* mintieron mienten engañ* deshonest*
    -2: oponemos opone oposición rechaz* niega negaron protesta* amenaz* conflicto* disputa* hostil*
    -2: inaceptable insuficiente* inadecuad* impago* sin_pagar sin_resolver descuid* abandon*
    -2: error errores culpa pérdida pérdidas destrui* destruy* inundad* inundación inundaciones
    -2: miedo temor temores tememos temen perdimos perdieron
    -2: estrés estresante dolor sufr* grosero* arrogante* irrespetuos* desprecio odio odian
    -2: bloquead* bloqueo boicot* huelga violación violaciones violado violada violó incumpl*
    -3: terrible terribles horrible horribles pésim* fatal catastróf* desastre* desastros*
    -3: escándalo* escandalos* furios* indignad* indignación asco asquero* vergüenza vergonzos*
    -3: insoportable intolerable desesperación desesperad* traición traicion* violencia violent*
    -3: muerte muertos envenen* fraude corrupt* robo robad*
    """
)

ZH = _parse(
    """
    3: 非常好 太好了 优秀 完美 出色 卓越 精彩 极好 棒极了 感激 非常感谢 特别满意 赞赏 热爱 喜爱 惊喜
    2: 好 很好 不错 满意 满足 高兴 开心 快乐 感谢 谢谢 多谢 支持 帮助 有帮助 积极 成功 顺利 有益 受益
    2: 信任 信赖 尊重 建设性 富有成效 欢迎 赞同 同意 认可 批准 称赞 表扬 祝贺 放心 安心 乐观 有信心
    2: 透明 诚实 诚信 友好 友善 热情 合作 配合 改善 改进 进步 进展 高效 有效 喜欢 愉快 安全 干净
    2: 公平 公正 合理 有利 接受 兑现 履行 解决了 已解决 好评 推荐 可靠 靠谱 优质 值得 舒服 方便 给力 划算
    1: 还行 可以 一般般 可接受 有兴趣 感兴趣 开放 清楚 明确 理解 稳定 希望 期待 解决 方案 机会 有望
    1: 缓解 补偿了 已支付 已付 保护 及时 回应 答复 改善中 实惠 便宜 正品 快
    -1: 担心 担忧 关注 疑问 怀疑 不确定 困惑 慢 延迟 延误 拖延 推迟 等待 缺乏 缺少 问题 困难 麻烦
    -1: 累 可惜 遗憾 风险 紧张 噪音 噪声 灰尘 粉尘 气味 臭味 裂缝 压力 贵 昂贵 一般 不太 还没 尚未
    -2: 差 很差 不好 糟 失望 不满 不满意 投诉 抱怨 申诉 生气 愤怒 恼火 烦 沮丧 不公平 不公 忽视 无视
    -2: 坏 坏了 损坏 破坏 失败 故障 损失 伤害 受伤 污染 有毒 危险 不安全 生病 疾病 有害
    -2: 不信任 怀疑我们 欺骗 撒谎 谎言 骗 误导 不诚实 反对 拒绝 抗议 威胁 冲突 纠纷 敌对 对抗
    -2: 不可接受 不够 不足 欠款 拖欠 未支付 没有支付 未解决 没解决 不管 放弃 错误 丢失 毁 淹没 害怕
    -2: 恐惧 痛苦 难受 受苦 粗鲁 傲慢 不尊重 讨厌 厌恶 封锁 堵路 罢工 违反 违约 失信 食言 退货 垃圾
    -2: 难用 难吃 不值 后悔 差劲 太慢 没用 不行 不能用 坑 假货 质量差 问题多 麻烦多
    -3: 糟糕 非常差 太差 极差 最差 可怕 恶心 愤慨 气愤 暴怒 丑闻 灾难 灾难性 毁灭 背叛 无法忍受 忍无可忍
    -3: 绝望 暴力 死亡 死了 中毒 毒害 欺诈 腐败 贪污 偷 被盗 骗子 黑心 垃圾产品
    """
)

LEXICONS = {"en": EN, "fr": FR, "es": ES, "zh": ZH}

NEGATORS = {
    "en": set(
        """not no never none nobody nothing neither nor without hardly barely cannot cant
        isnt arent wasnt werent dont doesnt didnt wont wouldnt couldnt shouldnt havent hasnt hadnt
        aint lack lacks""".split()
    ),
    "fr": set("ne n pas jamais rien aucun aucune sans ni guère non".split()),
    "es": set("no nunca jamás jamas nada ningún ninguno ninguna nadie sin ni tampoco apenas".split()),
    "zh": ["不是", "没有", "并不", "从不", "从没", "毫无", "不", "没", "无", "未", "别", "非", "勿"],
}

BOOSTERS = {
    "en": {
        **dict.fromkeys("very really extremely so too highly totally completely absolutely".split(), 0.3),
        **dict.fromkeys("truly deeply incredibly especially particularly utterly fully most".split(), 0.3),
        **dict.fromkeys("quite pretty much more".split(), 0.15),
        **dict.fromkeys("slightly somewhat little bit kinda fairly marginally barely".split(), -0.3),
    },
    "fr": {
        **dict.fromkeys("très vraiment extrêmement tellement trop totalement complètement".split(), 0.3),
        **dict.fromkeys("absolument hyper super particulièrement profondément si fort".split(), 0.3),
        **dict.fromkeys("assez plutôt".split(), 0.15),
        **dict.fromkeys("peu légèrement moyennement".split(), -0.3),
    },
    "es": {
        **dict.fromkeys("muy realmente extremadamente tan demasiado totalmente completamente".split(), 0.3),
        **dict.fromkeys("absolutamente súper super sumamente especialmente profundamente".split(), 0.3),
        **dict.fromkeys("bastante bien".split(), 0.15),
        **dict.fromkeys("poco ligeramente algo".split(), -0.3),
    },
    "zh": {
        **dict.fromkeys(["非常", "十分", "特别", "极其", "极", "太", "超级", "超", "真", "最", "相当", "格外"], 0.3),
        **dict.fromkeys(["很", "挺", "好", "比较", "更"], 0.15),
        **dict.fromkeys(["有点", "有些", "稍微", "略"], -0.3),
    },
}

# words after which the rest of the sentence weighs more ("good, but ...")
CONTRAST = {
    "en": {"but", "however", "although", "though", "yet"},
    "fr": {"mais", "cependant", "pourtant", "toutefois", "néanmoins"},
    "es": {"pero", "sin embargo", "aunque", "no obstante", "sino"},
    "zh": ["但是", "可是", "不过", "然而", "但", "却"],
}
