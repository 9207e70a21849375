package names

// givenTable is the given-name table: one name per line,
//
//	id sex | Russian forms | Ukrainian forms | diminutives (ru and uk) | Latin spellings
//
// The id is the Russian standard form in simple Latin. The first Russian and
// the first Ukrainian form are the standard ones. Latin spellings are listed
// only where the skeleton of a Cyrillic form does not reach them already
// (Alexander, but not Aleksandr or Oleksandr). Diminutives that belong to
// several names (Саша, Женя, Слава) are listed under each of them: lookups then
// return every candidate.
const givenTable = `
# --- men ---
aleksandr m | Александр Александер | Олександр Олександер | Саша Саня Шура Шурик Санёк Сашка Сашок Сашенька Алекс Сашко Олесь Лесь Санько Сашуня Алик | Alexander Alexandre Aleksander Oleksander Alexandr Aleksandar
aleksey m | Алексей Алексий | Олексій Олекса | Алёша Лёша Лёха Алёха Лёшка Алёшка Льоша Олексійко Альоша | Alexei Alexey Aleksej Alexej Alexis Alexiy Oleksii
anatoliy m | Анатолий | Анатолій | Толя Толик Толян Толька Натоля Анатолько |
andrey m | Андрей | Андрій | Андрюша Андрюха Андрейка Андрюшка Дрюня Андрійко Андрусь Андрієчко | Andrei Andrij Andrzej
anton m | Антон | Антон Антін | Антоша Тоша Тоха Антошка Тосик Антось Антончик |
arkadiy m | Аркадий | Аркадій | Аркаша Аркадя Кадя |
arseniy m | Арсений | Арсеній | Арсюша Арсик Сеня Арсенчик |
artem m | Артём Артем | Артем Артьом | Тёма Артёмка Тьома Артемко Тема Артемчик | Artyom Artiom Artjom Artemiy
artur m | Артур | Артур | Артурчик Артурко |
bogdan m | Богдан | Богдан | Бодя Богдаша Бодик Данько Богданчик | Bohdan
boris m | Борис | Борис | Боря Борька Бориска Борик |
vadim m | Вадим | Вадим | Вадик Вадя Вадимка |
valentin m | Валентин | Валентин | Валя Валик Валёк Валентинка |
valeriy m | Валерий | Валерій | Валера Валерка Валерчик Валерко |
vasiliy m | Василий | Василь | Вася Васька Васёк Василёк Васюта Васько Васильок Василько Васюня | Vassili Wassili Vasily Vasyl Wasyl
veniamin m | Вениамин | Веніамін | Веня Веник Вениаминка |
viktor m | Виктор | Віктор | Витя Витёк Витюша Витька Вітя Вітько Вітюня | Victor Wiktor
vitaliy m | Виталий | Віталій | Виталик Виталя Віталик Віталько | Vitali Vitaly Witali
vladimir m | Владимир | Володимир | Вова Володя Вовка Вовчик Володька Вован Вовочка Володимирко Влодко Вольдемар | Wladimir Vladimír Wolodymyr Waldemar
vladislav m | Владислав | Владислав | Влад Владик Владя Владько Слава Славик |
vsevolod m | Всеволод | Всеволод | Сева Севка Севочка |
vyacheslav m | Вячеслав | В'ячеслав | Слава Славик Славка Вячик Славко Славуня | Viacheslav Wjatscheslaw Vyacheslav Wacław Václav
gennadiy m | Геннадий | Геннадій | Гена Генка Геня Геша Генчик | Gennady Gennadi Guennadi Hennadii Hennadiy
georgiy m | Георгий | Георгій | Жора Гоша Гога Жорик Гера Гошка | Georgi Georgy Heorhii Heorhiy
gleb m | Глеб | Гліб | Глебушка Глібко Глебка | Hlib
grigoriy m | Григорий | Григорій | Гриша Гришка Гриня Гриць Грицько Григорко Гришуня | Grigori Grigory Hryhorii Hryhoriy Grzegorz Řehoř
daniil m | Даниил Данила Данил Даниель | Данило Даниїл Данііл | Даня Данька Данилка Данько Данилко Данечка | Daniel Danylo Danil
denis m | Денис | Денис | Дениска Деня Денчик Дэн Денисик Дениско |
dmitriy m | Дмитрий | Дмитро | Дима Димка Димон Димас Митя Митька Митюша Діма Дімка Дмитрик Митько Дімон | Dmitri Dmitry Dmytro Dimitri Dmitrij
evgeniy m | Евгений | Євген | Женя Женька Жека Евгеша Женечка Женёк Євгенко Жентос | Yevgeny Yevgeni Evgeny Evgueni Jewgeni Evgenii Yevhenii Eugeniusz Evžen
egor m | Егор | Єгор | Егорка Егорушка Гоша Єгорко | Yegor Jegor
efim m | Ефим | Юхим Єфим | Фима Ефимка Юхимко | Yefim Jefim
ivan m | Иван | Іван | Ваня Ванька Ванюша Ванечка Ивашка Іванко Івась Ванько Ванюха | Iwan
igor m | Игорь | Ігор | Игорёк Игорюша Ігорко Ігорчик Гарик | Ihor
ilya m | Илья | Ілля | Илюша Илюха Ильюша Ілюша Іллюша Ілько Илюшка | Ilia Ilja Illia Ilya
iosif m | Иосиф Осип | Йосип Йосиф Осип | Ося Иосик Йосько Осик Йосипко | Josef Iosyp Yosyp
kirill m | Кирилл | Кирило | Киря Кирюша Кирюха Кирюшка Кирилко Кирик | Kirill Kyrylo Kiril Kyrill
konstantin m | Константин | Костянтин Константин | Костя Костик Костян Котя Костюша Костко Костусь | Kostiantyn Kostyantyn Konstantyn Constantin Konstantine
leonid m | Леонид | Леонід | Лёня Лёнька Лёнчик Льоня Леонідко Льонька |
lev m | Лев | Лев Левко | Лёва Лёвушка Левушка Льова Левчик |
maksim m | Максим | Максим | Макс Максимка Максик Максюша Максимко | Maxim Maksym Maxym Maxime Maksimilian
matvey m | Матвей | Матвій | Матвейка Мотя Матюша Матвійко | Matvei Matvii Matviy
mikhail m | Михаил | Михайло | Миша Мишка Мишаня Мишуня Михась Михайлик Міша Михасик Мишко | Mikhail Mykhailo Mykhaylo Michail Michal
nikita m | Никита | Микита | Никитка Никитушка Кит Микитка Никитос | Mykyta
nikolay m | Николай | Микола | Коля Колька Колян Николаша Коленька Миколка Миколайко Колюня | Nikolai Nikolaj Mykola Nicolas Nicolai Nikolas Nikola Mikołaj Mikuláš
oleg m | Олег | Олег | Олежка Олежек Лёлик Олежко Олежик | Oleh
pavel m | Павел | Павло | Паша Павлик Пашка Павлуша Пашуня Павлусь Павлушка | Pawel Pawlo
petr m | Пётр Петр | Петро | Петя Петька Петруша Петрусь Петрик Петруня | Pyotr Piotr Pjotr Petr
roman m | Роман | Роман | Рома Ромка Ромчик Ромасик Ромко Ромаха |
ruslan m | Руслан | Руслан | Русик Руся Руслик Руслянчик |
semen m | Семён Семен | Семен | Сеня Сёма Сенька Сьома Семенко | Semyon Semjon Semion Simeon
sergey m | Сергей Сергий | Сергій | Серёжа Серёга Серёженька Серж Серый Серьожа Сергійко Сірьожа Сєрьожа | Sergei Serguei Sergej Serhii Serhij
stanislav m | Станислав | Станіслав | Стас Стасик Слава Славик Славко Стасько | Stanislaw
stepan m | Степан | Степан | Стёпа Степаша Стёпка Стьопа Степанко Степко Стефко | Szczepan Štěpán
taras m | Тарас | Тарас | Тарасик Тарасько |
timur m | Тимур | Тимур | Тима Тимурчик |
timofey m | Тимофей | Тимофій Тиміш | Тима Тимоша Тимошка Тимофійко Тимко | Timofei Tymofii Tymofiy
fedor m | Фёдор Федор | Федір Теодор | Федя Федька Федюня Федюша Федько Федорко | Fyodor Fedor Fiodor Fjodor Fedir
filipp m | Филипп | Пилип Філіп Филип | Филя Филька Филипок Пилипко | Philipp Filip Philip Pylyp
yuriy m | Юрий | Юрій | Юра Юрка Юрочка Юрчик Юрасик Юрко Юрась | Yuri Yury Juri Iouri Yurij Jerzy Jiří
yakov m | Яков | Яків | Яша Яшка Яшенька Яшко | Yakov Jakow Yakiv Jakub
yaroslav m | Ярослав | Ярослав | Ярик Слава Славик Ярчик Ярко Ярославчик Славко | Jaroslaw
ostap m | Остап | Остап | Остапко Остапчик |
nazar m | Назар | Назар | Назарчик Назарко Назарій Назарка |
orest m | Орест | Орест | Орестик Рестик |
svyatoslav m | Святослав | Святослав | Свят Святик Слава Славик | Sviatoslav Swjatoslaw
miroslav m | Мирослав | Мирослав | Мирось Мирко Слава Мирик | Myroslav
lyubomir m | Любомир | Любомир | Любко Любчик | Liubomyr
bronislav m | Бронислав | Броніслав | Броник Броня |
borislav m | Борислав | Борислав | Боря Слава |
zinoviy m | Зиновий | Зиновій | Зиня Зінько |
emelyan m | Емельян | Омелян Ємельян | Емеля Омелько | Yemelyan Omelian
efrem m | Ефрем | Охрім Юхрим Єфрем | Охрімко | Yefrem Okhrim
foma m | Фома | Хома | Фомушка Хомко | Khoma Tomasz Tomáš
afanasiy m | Афанасий | Опанас Панас Афанасій | Афоня Панасик Опанасик | Afanasy Panas Opanas
ignat m | Игнат Игнатий | Гнат Ігнат Ігнатій | Игнаша Гнатко | Hnat
akim m | Аким Иоаким | Яким Аким | Акимка Якимко | Yakym
nestor m | Нестор | Нестор | Несторко |
mark m | Марк | Марко Марк | Марик Маркуша Маркусь | Marko
luka m | Лука | Лука | Лукаша Лукашко Лучик |
zakhar m | Захар Захарий | Захар Захарій | Захарка Захарко | Sachar Zachar
kliment m | Климент Клим | Климентій Клим Клименти | Климка Климко | Klym
kuzma m | Кузьма | Кузьма | Кузя Кузька Кузьмушка | Kusma Kouzma
miron m | Мирон | Мирон | Мироша Миронко | Myron
onisim m | Онисим Анисим | Онисим Онисько | Анисимка Онисько | Anisim
prokofiy m | Прокофий Прокопий | Прокіп Прокопій | Проша Прокопко | Prokip Prokop
savva m | Савва Сава | Сава Сава | Савушка Савка Савко | Sava
samuil m | Самуил Самуэль | Самійло Самуїл | Сёма Самійлик Самуль | Samuel Samiilo
spiridon m | Спиридон | Свирид Спиридон | Спиря Свиридко | Svyryd
trofim m | Трофим | Трохим | Трофимка Трохимко | Trokhym
khariton m | Харитон | Харитон | Харитоша Харко |
mstislav m | Мстислав | Мстислав | Слава Мстиша | Mstyslav
rostislav m | Ростислав | Ростислав | Ростик Рося Слава Славик | Rostyslav
radion m | Родион | Родіон Радіон | Родя Родионка Родько | Rodion Radion
platon m | Платон | Платон | Платоша Тоша Платошка |
demyan m | Демьян | Дем'ян | Дёма Демьянка Дем'янко | Demian Demjan Demyan Damian
davyd m | Давид Давыд | Давид | Дава Давидик Додик | David Dawid Davyd
gavriil m | Гавриил Гаврила | Гаврило Гавриїл | Гаврюша Ганя Гаврилко | Gavril Havrylo
german m | Герман | Герман | Гера Герочка |
gordey m | Гордей Гордий | Гордій | Гордюша Гордійко | Hordii
evdokim m | Евдоким | Євдоким Явдоким | Евдоша Докимко |
elisey m | Елисей | Єлисей | Елиша Елисейка | Yelisei
eremey m | Еремей Ерёма | Єремій Ярема | Ерёма Яремко | Yarema
illarion m | Илларион Иларион | Іларіон Ларіон | Илларя Ларик Ларион | Ilarion Hilarion
innokentiy m | Иннокентий | Інокентій | Кеша Кешка Иннокентька | Innokenti
karp m | Карп | Карпо | Карпуша Карпик |
kondrat m | Кондрат Кондратий | Кіндрат Кондрат | Кондраша Кіндратко | Kindrat
korney m | Корней Корнилий | Корній | Корнеюшка Корнійко | Kornii
lavrentiy m | Лаврентий | Лаврентій Лаврін | Лавр Лаврик Лавруша | Lavrenty
lazar m | Лазарь | Лазар | Лазарка Лазик |
leontiy m | Леонтий | Леонтій | Лёня Леоша Левко |
makar m | Макар Макарий | Макар | Макарка Макарушка |
martyn m | Мартын Мартин | Мартин | Мартынка Мартинко | Martin
naum m | Наум | Наум | Наумка Нюма |
nikanor m | Никанор | Никанор Миканор | Никаша Канорко |
nikifor m | Никифор | Никифор Микифор | Никиша Никифорка | Mykyfor
nikon m | Никон | Никон | Никоша |
pankrat m | Панкрат Панкратий | Панкрат | Панкраша |
panteley m | Пантелей Пантелеймон | Пантелеймон Пантелей | Пантюша Панько | Panteleimon
porfiriy m | Порфирий | Порфирій | Порфиша Порфирко |
prokhor m | Прохор | Прохор | Проша Прохорко |
savely m | Савелий | Савелій Савелий | Савва Савушка Савка Сава | Saveliy Savely
serafim m | Серафим | Серафим | Сима Серафимка |
sevastyan m | Севастьян Савостьян | Севастьян | Сева Севастьянка |
tikhon m | Тихон | Тихон | Тиша Тишка Тихонко |
ulyan m | Ульян Иулиан Юлиан | Ульян Юліан | Уля Юля Юлик |
ustin m | Устин Иустин | Устим Устин | Устюша Устимко |
faddey m | Фаддей | Тадей Фадей | Фаддеюшка Тадейко | Tadei Thaddeus
feliks m | Феликс | Фелікс | Феля Феликсик | Felix
filat m | Филат | Пилат Филат | Филатка |
eduard m | Эдуард | Едуард | Эдик Эдя Едик |
emil m | Эмиль | Еміль | Эмилька Еміль |
erik m | Эрик | Ерік | Эрик |
ernest m | Эрнест | Ернест | Эрик |
albert m | Альберт | Альберт | Алик Берт Альбертик |
adam m | Адам | Адам | Адамчик |
abram m | Абрам Авраам | Абрам Авраам | Абраша Абрамчик |
arsen m | Арсен | Арсен | Арсенчик Арсюша |
benedikt m | Бенедикт Венедикт | Бенедикт Венедикт | Веня |
valerian m | Валериан | Валеріан | Валера |
vikentiy m | Викентий | Вікентій | Кеша Викеша |
vladlen m | Владлен | Владлен | Владик Влад |
vitold m | Витольд | Вітольд | Витя |
genrikh m | Генрих | Генріх | Гена Гарри | Heinrich Henryk
dementiy m | Дементий | Дементій | Дёма |
ermolay m | Ермолай | Єрмолай | Ермоша |
isaak m | Исаак | Ісаак | Изя | Isaac
izrail m | Израиль | Ізраїль | Изя Изик |
kazimir m | Казимир | Казимир | Казик | Kazimierz
kim m | Ким | Кім | |
klavdiy m | Клавдий | Клавдій | Клава |
lukyan m | Лукьян | Лук'ян | Лукьяша Лук'янко | Lukian
marat m | Марат | Марат | Маратик |
modest m | Модест | Модест | Моня Модя |
nil m | Нил | Ніл | Нилушка |
pakhom m | Пахом Пахомий | Пахом | Пахомка |
radiy m | Радий | Радій | Радик |
robert m | Роберт | Роберт | Роба Робик Боб |
rudolf m | Рудольф | Рудольф | Рудик Руди |
svyatopolk m | Святополк | Святополк | |
tit m | Тит | Тит | Титушка |
fotiy m | Фотий | Фотій | Фотя |
yulian m | Юлиан | Юліан Юліян | Юлик Юля | Yulian
yuliy m | Юлий | Юлій | Юлик |
yan m | Ян | Ян | Янек Яник | Jan
yaromir m | Яромир | Яромир | Ярик |
boguslav m | Богуслав | Богуслав | Бодя Слава |
dorofey m | Дорофей | Дорофій | Дорофеюшка |
mefodiy m | Мефодий | Мефодій | Мефодя |
kirik m | Кирик | Кирик | |
stefan m | Стефан | Стефан Штефан | Стефко Стефцьо | Stefan Stephan
viktorin m | Викторин | Вікторин | |
demid m | Демид | Демид | Дёма Демидка Демидко |
severin m | Северин | Северин | Сева Севка Северинко |
vlas m | Влас Власий | Влас Власій | Власик Власко |
damir m | Дамир | Дамір | Дамирчик |
eldar m | Эльдар | Ельдар | Эльдарчик |
azamat m | Азамат | Азамат | |
abdulla m | Абдулла Абдула | Абдулла | | Abdullah
ramzan m | Рамзан | Рамзан | |
murad m | Мурад | Мурад | |
ratmir m | Ратмир | Ратмир | |
vilen m | Вилен | Вілен | |
# Turkic, Caucasian and other names common among Russian and Ukrainian citizens
rinat m | Ринат | Ринат | Ринатик |
renat m | Ренат | Ренат | Ренатик |
ildar m | Ильдар | Ільдар | Ильдарик |
ilnur m | Ильнур | Ільнур | |
ilshat m | Ильшат | Ільшат | |
aydar m | Айдар | Айдар | |
ayrat m | Айрат | Айрат | |
azat m | Азат | Азат | |
radik m | Радик | Радік | |
ramil m | Рамиль | Раміль | |
rustam m | Рустам Рустем | Рустам Рустем | Рустамчик | Rustem
shamil m | Шамиль | Шаміль | |
magomed m | Магомед Мухаммед Магомет | Магомед Мухаммед | Мага Магомедик | Mohammed Muhammad Magomet
akhmed m | Ахмед Ахмад | Ахмед | | Ahmed Ahmad
ali m | Али | Алі | |
murat m | Мурат | Мурат | |
zaur m | Заур | Заур | |
alan m | Алан | Алан | |
aslan m | Аслан | Аслан | |
arslan m | Арслан | Арслан | |
tagir m | Тагир | Тагір | |
timerlan m | Тимерлан Тамерлан | Тамерлан | |
said m | Саид Саит | Саїд | | Said Sayid
umar m | Умар Омар | Умар | | Omar
islam m | Ислам | Іслам | |
ruslan2 m | Русланбек | Русланбек | |
bair m | Баир | Баїр | |
aldar m | Алдар | Алдар | |
bato m | Бато Батор | Бато | |
ayas m | Аяс | Аяс | |
chingis m | Чингис Чингиз | Чингіз | |
khasan m | Хасан Гасан | Хасан | | Hasan Hassan
khusein m | Хусейн Гусейн | Хусейн | | Hussein
rasul m | Расул | Расул | |
ramazan m | Рамазан | Рамазан | |
salavat m | Салават | Салават | |
fanis m | Фанис | Фаніс | |
marsel m | Марсель | Марсель | |
rafael m | Рафаэль Рафаил | Рафаель Рафаїл | Рафик |
ravil m | Равиль | Равіль | |
ruben m | Рубен | Рубен | |
armen m | Армен | Армен | |
arsentiy m | Арсентий | Арсентій | |
vaagn m | Ваагн | Ваагн | |
garik m | Гарик | Гарік | |
giorgi m | Гиоргий Гия | Гія | |
levan m | Леван | Леван | |
nodar m | Нодар | Нодар | |
otar m | Отар | Отар | |
zurab m | Зураб | Зураб | |
vakhtang m | Вахтанг | Вахтанг | |
tengiz m | Тенгиз | Тенгіз | |
emin m | Эмин | Емін | |
elshan m | Эльшан | Ельшан | |
farid m | Фарид | Фарід | |
dzhamal m | Джамал Джамаль | Джамал | | Jamal
daniyar m | Данияр | Данияр | |
nurlan m | Нурлан | Нурлан | |
erlan m | Ерлан | Ерлан | |
askar m | Аскар | Аскар | |
bekzod m | Бекзод | Бекзод | |
farkhod m | Фарход | Фарход | |
shukhrat m | Шухрат | Шухрат | |
ulugbek m | Улугбек | Улугбек | |
sanzhar m | Санжар | Санжар | |
dilshod m | Дильшод | Дільшод | |
# --- women ---
aleksandra f | Александра | Олександра | Саша Саня Шура Сашенька Сашка Санька Олеся Сашуня Алекса | Alexandra Aleksandra Oleksandra Alexandrina
alla f | Алла | Алла | Аллочка Алка |
alina f | Алина | Аліна | Алинка Аля Алінка |
alena f | Алёна Алена | Альона Алена | Алёнка Алёнушка Альонка Лёна | Alyona Aliona Aljona
albina f | Альбина | Альбіна | Аля Альбинка |
anastasiya f | Анастасия | Анастасія | Настя Настенька Настюша Настюха Ася Стася Настуся Настка | Anastasia Anastasija Anastassia
anzhela f | Анжела Анжелика | Анжела Анжеліка | Анжелка Лика | Angela Angelika
anna f | Анна | Ганна Анна | Аня Анечка Анюта Анька Аннушка Нюра Нюша Нюся Ганя Ганнуся Ганнуля Ганька | Hanna Ann Anne Anja Anya Hania
antonina f | Антонина | Антоніна | Тоня Тонечка Тося Тоська Нина |
anfisa f | Анфиса | Анфіса | Фиса Анфисушка |
valentina f | Валентина | Валентина | Валя Валюша Валечка Валюха Тина | Walentina
valeriya f | Валерия | Валерія | Лера Лерочка Валера Леруся | Valeria Valerija Valeriia
varvara f | Варвара | Варвара | Варя Варенька Варька Варка |
vasilisa f | Василиса | Василина Василиса | Вася Василинка Лиса Васюта |
vera f | Вера | Віра | Верочка Веруня Веруся Вірочка | Vira Wera
veronika f | Вероника | Вероніка | Ника Вероничка Ніка |
viktoriya f | Виктория | Вікторія | Вика Викуля Віка Тори | Victoria Viktoria Wiktoria Viktoriia
galina f | Галина | Галина | Галя Галочка Галка Галинка | Halyna Halina
darya f | Дарья Дария | Дарина Дарія Одарка | Даша Дашенька Дашка Дашуля Дарка Даринка Дарусь | Daria Darja Dariia Dariya
diana f | Диана | Діана | Дианочка Ди Діанка |
dina f | Дина | Діна | Диночка |
evgeniya f | Евгения | Євгенія | Женя Женечка Женька Евгеша Жека | Yevgenia Evgenia Jewgenija Yevheniia
evdokiya f | Евдокия Авдотья | Євдокія Явдоха Явдокія | Дуся Дуня Евдоша Явдошка | Yevdokia
ekaterina f | Екатерина | Катерина Катря | Катя Катюша Катенька Катька Катруся Катрина Катруня | Yekaterina Ekaterina Jekaterina Kateryna Katerina
elena f | Елена | Олена | Лена Леночка Ленка Ленуся Оленка Леся Лєна | Yelena Jelena Olena Elena
elizaveta f | Елизавета | Єлизавета Лизавета | Лиза Лизонька Лизка Вета Ліза | Yelizaveta Jelisaweta Elżbieta Alžběta
zhanna f | Жанна | Жанна | Жанночка | Jeanne
zinaida f | Зинаида | Зінаїда | Зина Зиночка Зинуля Зіна |
zlata f | Злата | Злата | Златка Златуся |
zoya f | Зоя | Зоя | Зоенька Зойка | Zoia
inna f | Инна | Інна | Инночка Инка |
irina f | Ирина Арина | Ірина Орина Ярина | Ира Ирочка Ирка Иришка Іра Іринка Ірочка Аринка | Iryna
karina f | Карина | Каріна Карина | Кара Каринка |
kira f | Кира | Кіра | Кирочка |
klavdiya f | Клавдия | Клавдія | Клава Клавочка | Klavdia
kristina f | Кристина | Христина Крістіна Кристина | Кристя Кристинка Тина Христя | Khrystyna Christina Kristina Krystyna
kseniya f | Ксения | Ксенія | Ксюша Ксюха Ксеня Ксенька Ксюня | Ksenia Xenia Kseniia
larisa f | Лариса | Лариса | Лара Лариска Лора Лорочка | Larissa
lidiya f | Лидия | Лідія | Лида Лидочка Лідочка | Lidia Lydia Lidiia
lilia f | Лилия | Лілія | Лиля Лилечка Ліля | Liliya Lilia Liliia
lyubov f | Любовь | Любов | Люба Любаша Любочка Любка | Liubov Lyubov Ljubow
lyudmila f | Людмила | Людмила | Люда Мила Людочка Люся Людка Міла | Liudmyla Ludmila Ljudmila Liudmila
margarita f | Маргарита | Маргарита | Рита Марго Ритуля Маргоша | Małgorzata Markéta
mariya f | Мария Марья | Марія | Маша Машенька Машка Маня Мариша Маруся Муся Марійка Марічка Маруська | Maria Marija Mariia
marina f | Марина | Марина | Мариша Маринка Марусь |
marta f | Марта | Марта | Мартуся Мартуська |
milana f | Милана | Мілана | Мила Миланка |
miroslava f | Мирослава | Мирослава | Мира Мирося Слава | Myroslava
nadezhda f | Надежда | Надія | Надя Наденька Надюша Надька | Nadiya Nadiia Nadia Nadeschda
natalya f | Наталья Наталия Натали | Наталія Наталя Наталка | Наташа Наташенька Ната Натуся Натуля Таша Наталочка | Natalia Natalja Natalie Nataliia
nelli f | Нелли Нелля | Неллі | Неля Нелечка |
nina f | Нина | Ніна | Ниночка Нинуля Ніночка |
nonna f | Нонна | Нонна | Ноночка |
oksana f | Оксана | Оксана | Оксанка Ксана Ксюша Оксаночка |
olesya f | Олеся Алеся | Олеся Леся | Леся Олесенька Лесечка | Olessia Olesia
olga f | Ольга | Ольга | Оля Оленька Олечка Олька Ольгуся Олюня Ляля | Olha Olja
polina f | Полина | Поліна Палажка | Поля Полинка Полечка |
praskovya f | Прасковья Параскева | Параска Параскева | Паша Параня Параска | Paraska
raisa f | Раиса | Раїса | Рая Раечка Раюша | Raissa
regina f | Регина | Регіна | Регинка |
rimma f | Римма | Римма | Риммочка |
svetlana f | Светлана | Світлана | Света Светик Светочка Светка Світланка Лана Світла | Svitlana Swetlana
snezhana f | Снежана | Сніжана | Снежка Сніжанка | Snizhana
sofiya f | София Софья | Софія | Соня Софа Сонечка Софійка Софочка | Sofia Sophia Sofiia Zofia
solomiya f | Соломия Саломея | Соломія | Соля Соломійка | Solomiia
stefaniya f | Стефания | Стефанія | Стефа Стефця | Stefania
taisiya f | Таисия Таисья | Таїсія | Тая Тася | Taisia
tamara f | Тамара | Тамара | Тома Томочка |
tatyana f | Татьяна Татиана | Тетяна Татяна | Таня Танюша Танечка Танька Тетянка Таня | Tatiana Tatjana Tetiana Tetyana
ulyana f | Ульяна Иулиания | Уляна | Уля Ульянка Улянка | Uliana Ulyana
faina f | Фаина | Фаїна | Фая Фаечка |
kharitina f | Харитина | Харитина | Харя |
elvira f | Эльвира | Ельвіра | Эля Эличка |
emma f | Эмма | Емма | Эммочка |
yuliya f | Юлия | Юлія | Юля Юлечка Юлька Юляша | Yulia Julia Julija Iuliia Yuliia
yana f | Яна | Яна | Яночка Янка |
yaroslava f | Ярослава | Ярослава | Яся Слава Ярося |
bogdana f | Богдана | Богдана | Богданка Дана |
vladislava f | Владислава | Владислава | Влада Владка Слава |
vlada f | Влада | Влада | Владочка |
stanislava f | Станислава | Станіслава | Стася Слава |
matrena f | Матрёна Матрена | Мотря Матрона | Мотя Матрёша Мотруня | Matryona
agrippina f | Агриппина Аграфена | Горпина Агрипина | Груша Груня Горпинка |
akulina f | Акулина | Килина Акилина | Киля Акулька |
fevroniya f | Феврония | Хівря Февронія | Феня |
evfrosiniya f | Евфросиния Ефросинья | Єфросинія Фрося | Фрося Фросинька |
feodosiya f | Феодосия | Феодосія Хведоська | Федосья Дося |
anisiya f | Анисья Анисия | Ганиська Онися | Аниска |
antonida f | Антонида | Антоніда | Тоня |
vassa f | Васса | Васса | |
zoryana f | Зоряна | Зоряна | Зоряночка |
ustina f | Устина Иустина | Устина | Устя Устинка |
ivanna f | Иванна Иоанна | Іванна Іванка | Иванка Іванка Ванда | Ivanna Ioanna
angelina f | Ангелина | Ангеліна | Геля Ангелинка Лина |
arina f | Арина | Арина | Аринка Ариша |
veta f | Виолетта | Віолетта | Вита Виола Лета |
vita f | Вита | Віта | Виточка |
vitaliya f | Виталия | | Виталина Вита |
evelina f | Эвелина | Евеліна | Эва Ева |
eva f | Ева | Єва | Евочка | Yeva Eva
izabella f | Изабелла | Ізабелла | Белла Иза |
iya f | Ия | Ія | |
kamilla f | Камилла | Камілла | Мила |
klara f | Клара | Клара | Клаша |
lada f | Лада | Лада | Ладушка |
liana f | Лиана | Ліана | Лиля |
lolita f | Лолита | Лоліта | Лола Лолочка |
lyubava f | Любава | Любава | |
maya f | Майя Мая | Майя | Маечка | Maja Maia
marianna f | Марианна Марьяна | Мар'яна Мар'яна | Марьянка Мар'янка | Mariana Marjana Mariana
melaniya f | Мелания Меланья | Меланія Маланка Маланія | Маланка Мила | Melania
nika f | Ника | Ніка | |
pelageya f | Пелагея Пелагия | Пелагея Палажка Пелагія | Поля Палажка Пелагеюшка |
rozaliya f | Розалия | Розалія | Роза |
roza f | Роза | Роза | Розочка |
serafima f | Серафима | Серафима | Сима Фима |
susanna f | Сусанна | Сусанна | Сусанночка |
yuliana f | Юлиана | Юліана Юліанна | Юля |
eleonora f | Элеонора | Елеонора | Эля Нора |
yadviga f | Ядвига | Ядвіга | Ядзя | Jadwiga
natela f | Натела | Натела | |
dinara f | Динара | Динара | |
aliya f | Алия | Алія | |
guzel f | Гузель | Гузель | |
gulnara f | Гульнара | Гульнара | Гуля |
leysan f | Лейсан | Лейсан | |
aygul f | Айгуль | Айгуль | |
elmira f | Эльмира | Ельміра | Эля |
zarina f | Зарина | Заріна | |
madina f | Мадина | Мадіна | |
alisa f | Алиса | Аліса | Алиска Лиса Алисонька |
roksolana f | Роксолана | Роксолана | Роксана Лана Ксана |
eseniya f | Есения | Єсенія | Есеня Сеня | Yesenia
emiliya f | Эмилия | Емілія | Эмилька Миля |
agata f | Агата | Агата | Агаточка Гата |
adelina f | Аделина | Аделіна | Аделя Ада Лина |
inessa f | Инесса | Інеса | Инна Неся |
iraida f | Ираида | Іраїда | Ира Ида |
kapitolina f | Капитолина | Капітоліна | Капа Капочка Лина |
renata f | Рената | Рената | Рена |
sabina f | Сабина | Сабіна | |
stella f | Стелла | Стелла | |
elina f | Элина | Еліна | Эля Лина |
`
