package names_test

// Hand-checked pairs. Each line is "a | b". handMatches are the same man or
// woman written by different people; handNonMatches are different people who
// share a family name or more.
const handMatches = `
Олександр Миколайович Коваленко | Александр Николаевич Коваленко
Олександр Миколайович Коваленко | KOVALENKO Oleksandr
Коваленко О.М. | Oleksandr Mykolaiovych Kovalenko
Саша Коваленко | Alexander Kowalenko
Aleksandr Kovalenko | Коваленко Олександр Миколайович
Коваленко Александр | Oleksandr Kovalenko
KOVALENKO Oleksandr Mykolaiovych | Коваленко Олександр
Alexandre Kovalenko | Олександр Коваленко
Шура Коваленко | Коваленко Александр Николаевич
О. М. Коваленко | Kovalenko Aleksandr Nikolaevich
Володимир Петрович Шевченко | Владимир Петрович Шевченко
Володимир Шевченко | Vladimir Shevchenko
Вова Шевченко | Volodymyr Shevchenko
SHEVCHENKO Volodymyr Petrovych | Шевченко Владимир Петрович
Wladimir Schewtschenko | Володимир Шевченко
Шевченко В.П. | Volodymyr Petrovych Shevchenko
Vladimir Chevtchenko | Шевченко Володимир
Володя Шевченко | Шевченко Владимир
Дмитро Іванович Бондаренко | Дмитрий Иванович Бондаренко
Дмитро Бондаренко | Dmitry Bondarenko
Дима Бондаренко | Dmytro Bondarenko
BONDARENKO Dmytro Ivanovych | Бондаренко Дмитрий
Бондаренко Д.І. | Dmitriy Ivanovich Bondarenko
Dmitri Bondarenko | Бондаренко Дмитро Іванович
Митя Бондаренко | Бондаренко Дмитро
Сергій Олексійович Мельник | Сергей Алексеевич Мельник
Сергій Мельник | Sergei Melnik
Serhii Melnyk | Мельник Сергей Алексеевич
Серёжа Мельник | Serhiy Melnyk
MELNYK Serhii Oleksiiovych | Мельник Сергій Олексійович
Мельник С.О. | Serhiy Oleksiyovych Melnyk
Sergej Melnik | Мельник Сергій
Андрій Васильович Ткаченко | Андрей Васильевич Ткаченко
Андрій Ткаченко | Andrei Tkachenko
Andriy Tkachenko | Ткаченко Андрей
Андрюша Ткаченко | Ткаченко Андрій Васильович
TKACHENKO Andrii Vasylovych | Ткаченко Андрей Васильевич
Andrej Tkatschenko | Андрій Ткаченко
Ткаченко А.В. | Andrii Tkachenko
Микола Степанович Бойко | Николай Степанович Бойко
Микола Бойко | Nikolai Boiko
Mykola Boyko | Бойко Николай
Коля Бойко | Mykola Boiko
BOIKO Mykola Stepanovych | Бойко Микола Степанович
Nikolaj Boiko | Бойко Микола
Бойко М.С. | Mykola Stepanovych Boiko
Nicolas Boïko | Микола Бойко
Іван Петрович Кравченко | Иван Петрович Кравченко
Іван Кравченко | Ivan Kravchenko
Ваня Кравченко | Ivan Krawtschenko
KRAVCHENKO Ivan Petrovych | Кравченко Иван Петрович
Кравченко І.П. | Ivan Petrovich Kravchenko
Iwan Krawtschenko | Кравченко Іван
Юрій Григорович Олійник | Юрий Григорьевич Олейник
Юрій Олійник | Yuriy Oliynyk
Yuri Oliinyk | Олійник Юрій Григорович
Юра Олійник | Iurii Oliinyk
OLIINYK Yurii Hryhorovych | Олійник Юрій
Juri Olijnyk | Юрій Олійник
Олійник Ю.Г. | Yurii Hryhorovych Oliinyk
Євген Олегович Савченко | Евгений Олегович Савченко
Євген Савченко | Yevgeny Savchenko
Yevhen Savchenko | Савченко Евгений
Женя Савченко | Yevhen Savchenko
Jewgeni Sawtschenko | Савченко Євген Олегович
SAVCHENKO Yevhen Olehovych | Савченко Евгений Олегович
Evgueni Savtchenko | Євген Савченко
Савченко Є.О. | Yevhen Olehovych Savchenko
Михайло Андрійович Поліщук | Михаил Андреевич Полищук
Михайло Поліщук | Mikhail Polishchuk
Mykhailo Polishchuk | Полищук Михаил
Миша Поліщук | Mykhaylo Polishchuk
Michail Poliszczuk | Поліщук Михайло
POLISHCHUK Mykhailo Andriiovych | Поліщук Михайло Андрійович
Поліщук М.А. | Mikhail Andreyevich Polishchuk
Віктор Юрійович Гончаренко | Виктор Юрьевич Гончаренко
Віктор Гончаренко | Viktor Goncharenko
Viktor Honcharenko | Гончаренко Виктор
Витя Гончаренко | Victor Gontcharenko
HONCHARENKO Viktor Yuriiovych | Гончаренко Віктор Юрійович
Viktor Gontscharenko | Гончаренко Віктор
Гончаренко В.Ю. | Viktor Yuriyovych Honcharenko
Олексій Іванович Петренко | Алексей Иванович Петренко
Олексій Петренко | Alexei Petrenko
Oleksii Petrenko | Петренко Алексей Иванович
Льоша Петренко | Aleksey Petrenko
Alexej Petrenko | Петренко Олексій
PETRENKO Oleksii Ivanovych | Петренко Олексій Іванович
Петренко О.І. | Oleksiy Ivanovych Petrenko
Григорій Миколайович Руденко | Григорий Николаевич Руденко
Григорій Руденко | Grigory Rudenko
Hryhorii Rudenko | Руденко Григорий
Гриша Руденко | Hryhoriy Rudenko
RUDENKO Hryhorii Mykolaiovych | Руденко Григорій Миколайович
Руденко Г.М. | Grigoriy Nikolaevich Rudenko
Тарас Богданович Мороз | Тарас Богданович Мороз
Taras Moroz | Мороз Тарас
MOROZ Taras Bohdanovych | Мороз Тарас Богданович
Мороз Т.Б. | Taras Bohdanovych Moroz
Тарасик Мороз | Taras Moroz
Павло Сергійович Ковальчук | Павел Сергеевич Ковальчук
Павло Ковальчук | Pavel Kovalchuk
Pavlo Kovalchuk | Ковальчук Павел Сергеевич
Паша Ковальчук | Pawel Kowalczuk
KOVALCHUK Pavlo Serhiiovych | Ковальчук Павло Сергійович
Ковальчук П.С. | Pavel Sergeyevich Kovalchuk
Петро Федорович Марченко | Пётр Фёдорович Марченко
Петро Марченко | Pyotr Marchenko
Petro Marchenko | Марченко Пётр
Петя Марченко | Piotr Martchenko
MARCHENKO Petro Fedorovych | Марченко Петр Федорович
Pjotr Martschenko | Марченко Петро
Марченко П.Ф. | Petro Fedorovych Marchenko
Ігор Вікторович Лисенко | Игорь Викторович Лысенко
Ігор Лисенко | Igor Lysenko
Ihor Lysenko | Лысенко Игорь
Игорёк Лысенко | Ihor Lysenko
LYSENKO Ihor Viktorovych | Лисенко Ігор Вікторович
Лысенко И.В. | Ihor Viktorovych Lysenko
Максим Олександрович Кузьменко | Максим Александрович Кузьменко
Максим Кузьменко | Maxim Kuzmenko
Maksym Kuzmenko | Кузьменко Максим
Макс Кузьменко | Maksim Kuzmenko
KUZMENKO Maksym Oleksandrovych | Кузьменко Максим Олександрович
Кузьменко М.О. | Maksim Aleksandrovich Kuzmenko
Артем Вадимович Левченко | Артём Вадимович Левченко
Артем Левченко | Artyom Levchenko
Artem Levchenko | Левченко Артём
Тёма Левченко | Artem Levtchenko
LEVCHENKO Artem Vadymovych | Левченко Артем Вадимович
Левченко А.В. | Artem Vadimovich Levchenko
Роман Ярославович Савчук | Роман Ярославович Савчук
Roman Savchuk | Савчук Роман
SAVCHUK Roman Yaroslavovych | Савчук Роман Ярославович
Рома Савчук | Roman Sawtschuk
Савчук Р.Я. | Roman Yaroslavovych Savchuk
Василь Петрович Гаврилюк | Василий Петрович Гаврилюк
Василь Гаврилюк | Vasily Gavrilyuk
Vasyl Havryliuk | Гаврилюк Василий
Вася Гаврилюк | Vasyl Havryliuk
HAVRYLIUK Vasyl Petrovych | Гаврилюк Василь Петрович
Wassili Gawriljuk | Гаврилюк Василь
Гаврилюк В.П. | Vasiliy Petrovich Gavrilyuk
Денис Олегович Зінченко | Денис Олегович Зинченко
Денис Зінченко | Denis Zinchenko
Denys Zinchenko | Зинченко Денис
Дэн Зинченко | Denys Zintchenko
ZINCHENKO Denys Olehovych | Зінченко Денис Олегович
Зинченко Д.О. | Denis Olegovich Zinchenko
Костянтин Ігорович Клименко | Константин Игоревич Клименко
Костянтин Клименко | Konstantin Klimenko
Kostiantyn Klymenko | Клименко Константин
Костя Клименко | Kostyantyn Klymenko
KLYMENKO Kostiantyn Ihorovych | Клименко Костянтин Ігорович
Клименко К.І. | Konstantin Igorevich Klimenko
Іван Іванович Іванов | Иван Иванович Иванов
Иван Иванов | Ivan Ivanov
IVANOV Ivan Ivanovich | Иванов Иван Иванович
Ваня Иванов | Iwan Iwanow
Иванов И.И. | Ivan Ivanovich Ivanov
Сергей Петрович Смирнов | Сергій Петрович Смирнов
Сергей Смирнов | Sergey Smirnov
Serguei Smirnov | Смирнов Сергей
Серёга Смирнов | Sergei Smirnow
SMIRNOV Sergei Petrovich | Смирнов Сергей Петрович
Смирнов С.П. | Sergey Petrovich Smirnov
Алексей Дмитриевич Кузнецов | Олексій Дмитрович Кузнецов
Алексей Кузнецов | Aleksei Kuznetsov
Alexei Kusnezow | Кузнецов Алексей
Лёша Кузнецов | Alexey Kuznetsov
KUZNETSOV Aleksei Dmitrievich | Кузнецов Алексей Дмитриевич
Кузнецов А.Д. | Alexei Dmitrievich Kuznetsov
Дмитрий Сергеевич Попов | Дмитро Сергійович Попов
Дмитрий Попов | Dmitriy Popov
Dmitri Popow | Попов Дмитрий
Дима Попов | Dmitry Popov
POPOV Dmitrii Sergeevich | Попов Дмитрий Сергеевич
Попов Д.С. | Dmitry Sergeyevich Popov
Андрей Николаевич Васильев | Андрій Миколайович Васильєв
Андрей Васильев | Andrei Vasilev
Andrey Vasilyev | Васильев Андрей
Андрюха Васильев | Andrej Wassiljew
VASILEV Andrei Nikolaevich | Васильев Андрей Николаевич
Васильев А.Н. | Andrei Nikolayevich Vasiliev
Михаил Юрьевич Соколов | Михайло Юрійович Соколов
Михаил Соколов | Mikhail Sokolov
Michail Sokolow | Соколов Михаил
Миша Соколов | Mikhail Sokolov
SOKOLOV Mikhail Iurevich | Соколов Михаил Юрьевич
Соколов М.Ю. | Mikhail Yurievich Sokolov
Николай Александрович Морозов | Микола Олександрович Морозов
Николай Морозов | Nikolay Morozov
Nikolai Morosow | Морозов Николай
Коля Морозов | Nicolai Morozov
MOROZOV Nikolai Aleksandrovich | Морозов Николай Александрович
Морозов Н.А. | Nikolay Aleksandrovich Morozov
Евгений Викторович Волков | Євген Вікторович Волков
Евгений Волков | Yevgeny Volkov
Evgenii Volkov | Волков Евгений
Женя Волков | Jewgeni Wolkow
VOLKOV Evgenii Viktorovich | Волков Евгений Викторович
Волков Е.В. | Yevgeniy Viktorovich Volkov
Пётр Алексеевич Фёдоров | Петро Олексійович Федоров
Пётр Фёдоров | Pyotr Fyodorov
Petr Fedorov | Фёдоров Пётр
Петя Федоров | Pjotr Fjodorow
FEDOROV Petr Alekseevich | Федоров Петр Алексеевич
Фёдоров П.А. | Petr Alekseyevich Fedorov
Юрий Иванович Ковалёв | Юрій Іванович Ковальов
Юрий Ковалёв | Yuri Kovalyov
Iurii Kovalev | Ковалёв Юрий
Юра Ковалев | Juri Kowaljow
KOVALEV Iurii Ivanovich | Ковалёв Юрий Иванович
Ковалёв Ю.И. | Yury Ivanovich Kovalev
Илья Сергеевич Соловьёв | Ілля Сергійович Соловйов
Илья Соловьёв | Ilya Solovyov
Ilia Solovev | Соловьёв Илья
Илюша Соловьев | Ilja Solowjow
SOLOVEV Ilia Sergeevich | Соловьёв Илья Сергеевич
Соловьёв И.С. | Ilya Sergeyevich Solovyev
Георгий Павлович Григорьев | Георгій Павлович Григор'єв
Георгий Григорьев | Georgy Grigoryev
Georgii Grigorev | Григорьев Георгий
Жора Григорьев | Georgi Grigorjew
GRIGOREV Georgii Pavlovich | Григорьев Георгий Павлович
Фёдор Ильич Кузьмин | Федір Ілліч Кузьмін
Фёдор Кузьмин | Fyodor Kuzmin
Fedor Kuzmin | Кузьмин Федор Ильич
Федя Кузьмин | Fjodor Kusmin
Кузьмин Ф.И. | Fedor Ilich Kuzmin
Ярослав Тарасович Гнатюк | Ярослав Тарасович Гнатюк
Yaroslav Hnatiuk | Гнатюк Ярослав
Ярик Гнатюк | Jaroslaw Hnatjuk
HNATIUK Yaroslav Tarasovych | Гнатюк Ярослав
Богдан Остапович Стельмах | Богдан Остапович Стельмах
Bohdan Stelmakh | Стельмах Богдан
Бодя Стельмах | Bogdan Stelmach
STELMAKH Bohdan Ostapovych | Стельмах Богдан Остапович
Назар Вікторович Ковальський | Назар Викторович Ковальский
Nazar Kovalskyi | Ковальский Назар
Nazar Kowalski | Ковальський Назар Вікторович
KOVALSKYI Nazar Viktorovych | Ковальский Назар
Вячеслав Анатольевич Зайцев | В'ячеслав Анатолійович Зайцев
Вячеслав Зайцев | Vyacheslav Zaitsev
Viacheslav Zaitsev | Зайцев Вячеслав
Слава Зайцев | Wjatscheslaw Saizew
ZAITSEV Viacheslav Anatolevich | Зайцев Вячеслав Анатольевич
Кирилл Олегович Никитин | Кирило Олегович Нікітін
Кирилл Никитин | Kirill Nikitin
Kyrylo Nikitin | Никитин Кирилл
Кирюша Никитин | Kirill Nikitine
NIKITIN Kirill Olegovich | Никитин Кирилл Олегович
Станислав Игоревич Орлов | Станіслав Ігорович Орлов
Станислав Орлов | Stanislav Orlov
Стас Орлов | Stanislaw Orlow
ORLOV Stanislav Igorevich | Орлов Станислав
Олег Борисович Андреев | Олег Борисович Андрєєв
Олег Андреев | Oleg Andreev
Oleh Andrieiev | Андреев Олег
Олежка Андреев | Oleg Andrejew
ANDREEV Oleg Borisovich | Андреев Олег Борисович
Анна Ивановна Петрова | Ганна Іванівна Петрова
Анна Петрова | Anna Petrova
Hanna Petrova | Петрова Анна
Аня Петрова | Anna Petrowa
PETROVA Anna Ivanovna | Петрова Анна Ивановна
Петрова А.И. | Anna Ivanovna Petrova
Ольга Николаевна Смирнова | Ольга Миколаївна Смирнова
Ольга Смирнова | Olga Smirnova
Olha Smyrnova | Смирнова Ольга
Оля Смирнова | Olga Smirnowa
SMIRNOVA Olga Nikolaevna | Смирнова Ольга Николаевна
Наталья Сергеевна Коваленко | Наталія Сергіївна Коваленко
Наталья Коваленко | Natalya Kovalenko
Nataliia Kovalenko | Коваленко Наталья
Наташа Коваленко | Natalia Kowalenko
KOVALENKO Nataliia Serhiivna | Коваленко Наталія Сергіївна
Коваленко Н.С. | Natalia Sergeevna Kovalenko
Елена Викторовна Иванова | Олена Вікторівна Іванова
Елена Иванова | Yelena Ivanova
Olena Ivanova | Иванова Елена
Лена Иванова | Jelena Iwanowa
IVANOVA Olena Viktorivna | Іванова Олена Вікторівна
Татьяна Петровна Бондаренко | Тетяна Петрівна Бондаренко
Татьяна Бондаренко | Tatiana Bondarenko
Tetiana Bondarenko | Бондаренко Татьяна
Таня Бондаренко | Tatjana Bondarenko
BONDARENKO Tetiana Petrivna | Бондаренко Тетяна Петрівна
Мария Андреевна Шевчук | Марія Андріївна Шевчук
Мария Шевчук | Maria Shevchuk
Mariia Shevchuk | Шевчук Мария
Маша Шевчук | Marija Schewtschuk
SHEVCHUK Mariia Andriivna | Шевчук Марія Андріївна
Екатерина Юрьевна Волкова | Катерина Юріївна Волкова
Екатерина Волкова | Yekaterina Volkova
Kateryna Volkova | Волкова Екатерина
Катя Волкова | Ekaterina Wolkowa
VOLKOVA Kateryna Yuriivna | Волкова Катерина Юріївна
Ирина Олеговна Кузнецова | Ірина Олегівна Кузнецова
Ирина Кузнецова | Irina Kuznetsova
Iryna Kuznietsova | Кузнецова Ирина
Ира Кузнецова | Irina Kusnezowa
Светлана Игоревна Попова | Світлана Ігорівна Попова
Светлана Попова | Svetlana Popova
Svitlana Popova | Попова Светлана
Света Попова | Swetlana Popowa
Юлия Владимировна Мельник | Юлія Володимирівна Мельник
Юлия Мельник | Yulia Melnik
Yuliia Melnyk | Мельник Юлия
Юля Мельник | Julija Melnik
Евгения Александровна Лебедева | Євгенія Олександрівна Лебедєва
Евгения Лебедева | Yevgenia Lebedeva
Женя Лебедева | Yevheniia Lebedieva
Анастасия Дмитриевна Морозова | Анастасія Дмитрівна Морозова
Анастасия Морозова | Anastasia Morozova
Настя Морозова | Anastasiia Morozova
Людмила Павловна Ковальская | Людмила Павлівна Ковальська
Людмила Ковальская | Liudmyla Kovalska
Люда Ковальская | Ludmila Kowalska
Галина Степановна Олейник | Галина Степанівна Олійник
Галина Олейник | Halyna Oliinyk
Галя Олейник | Galina Oleinik
Надежда Васильевна Толстая | Надія Василівна Толста
Надежда Толстая | Nadezhda Tolstaya
Надя Толстая | Nadiia Tolsta
Коваленко Олександр | Kovalenko Oleksandr
Коваленко Олександр Миколайович | Kovalenko O. M.
КОВАЛЕНКО ОЛЕКСАНДР МИКОЛАЙОВИЧ | Oleksandr Kovalenko
Ковaленко Олександр | Коваленко Олександр
Kovalenko Olexandr | Коваленко Олександр
Коваленко Олександр | Kovalneko Oleksandr
Шевченко Владимир | Shevchneko Vladimir
Бондаренко Дмитрий | Bondarenko Dmirtiy
Мельник Сергей | Melnik Sregey
Ткаченко Андрей | Tkachenk Andrey
Кравченко Иван | Kravchenko Ivna
Олійник Юрій | Oliynik Yuriy
Савченко Євген | Savchenko Yevhn
Поліщук Михайло | Polischuk Mykhailo
Іванов Іван | Ivanov I.
Шевчук Тарас Григорович | Taras Hryhorovych Shevchuk
Шевчук Тарас Григорович | Тарас Шевчук
Шевчук Тарас | Taras Schewtschuk
Грищенко Анатолій Миколайович | Грищенко Анатолий Николаевич
Грищенко Анатолій | Anatolii Hryshchenko
Толик Грищенко | Anatoly Grishchenko
Грищенко Анатолій | Anatoli Grischtschenko
Лук'яненко Левко Григорович | Лукьяненко Лев Григорьевич
Лук'яненко Левко | Levko Lukianenko
Левко Лук'яненко | Lev Lukyanenko
Дем'ян Мар'янович Короленко | Демьян Марьянович Короленко
Дем'ян Короленко | Demian Korolenko
В'ячеслав Мар'яненко | Вячеслав Марьяненко
В'ячеслав Мар'яненко | Viacheslav Marianenko
Ілля Ільїн | Илья Ильин
Ілля Ільїн | Illia Ilin
Ілля Ільїн | Ilya Ilyin
Олена Ковальова | Елена Ковалёва
Олена Ковальова | Olena Kovalova
Олена Ковальова | Yelena Kovaleva
Семён Ефимович Журавлёв | Семен Юхимович Журавльов
Семён Журавлёв | Semyon Zhuravlyov
Семён Журавлёв | Semen Zhuravlev
Сёма Журавлев | Semjon Shurawljow
`

const handNonMatches = `
Олександр Миколайович Коваленко | Сергій Миколайович Коваленко
Олександр Миколайович Коваленко | Микола Петрович Коваленко
Олександр Миколайович Коваленко | Олександр Петрович Коваленко
Олександр Коваленко | Олександра Коваленко
Олександр Миколайович Коваленко | Олександра Миколаївна Коваленко
Aleksandr Kovalenko | Andrii Kovalenko
Oleksandr Kovalenko | Oleksii Kovalenko
Олександр Коваленко | Олексій Коваленко
Олександр Коваленко | Oleksandr Kovalchuk
Олександр Коваленко | Олександр Шевченко
Володимир Петрович Шевченко | Петро Іванович Шевченко
Володимир Петрович Шевченко | Василь Петрович Шевченко
Volodymyr Shevchenko | Vasyl Shevchenko
Владимир Шевченко | Вадим Шевченко
Volodymyr Shevchenko | Vladyslav Shevchenko
Шевченко В.П. | Шевченко С.П.
Володимир Шевченко | Володимир Шевчук
Дмитро Іванович Бондаренко | Іван Петрович Бондаренко
Дмитро Бондаренко | Денис Бондаренко
Dmytro Bondarenko | Danylo Bondarenko
Dmitry Bondarenko | Dmitry Bondar
Бондаренко Дмитрий Иванович | Бондаренко Дмитрий Петрович
Сергій Олексійович Мельник | Олексій Іванович Мельник
Сергій Мельник | Станіслав Мельник
Serhii Melnyk | Serhii Melnychenko
Сергей Мельник | Сергей Мельников
Андрій Васильович Ткаченко | Василь Андрійович Ткаченко
Андрій Ткаченко | Антон Ткаченко
Andrii Tkachenko | Artem Tkachenko
Андрей Ткаченко | Андрей Ткачук
Микола Степанович Бойко | Степан Іванович Бойко
Микола Бойко | Михайло Бойко
Mykola Boiko | Mykyta Boiko
Николай Бойко | Николай Бойков
Іван Петрович Кравченко | Петро Іванович Кравченко
Іван Кравченко | Ігор Кравченко
Ivan Kravchenko | Ivan Kravchuk
Иван Иванович Кравченко | Иван Петрович Кравченко
Юрій Григорович Олійник | Григорій Юрійович Олійник
Юрій Олійник | Юліан Олійник
Yurii Oliinyk | Yulia Oliinyk
Юрий Олейник | Юрий Олешко
Євген Олегович Савченко | Олег Євгенович Савченко
Євген Савченко | Єгор Савченко
Yevhen Savchenko | Yevheniia Savchenko
Евгений Савченко | Евгения Савченко
Евгений Савченко | Евгений Савчук
Михайло Андрійович Поліщук | Андрій Михайлович Поліщук
Михайло Поліщук | Максим Поліщук
Mykhailo Polishchuk | Mykola Polishchuk
Михаил Полищук | Михаил Поляков
Віктор Юрійович Гончаренко | Юрій Вікторович Гончаренко
Віктор Гончаренко | Віталій Гончаренко
Viktor Honcharenko | Viktoriia Honcharenko
Виктор Гончаренко | Виктор Гончаров
Олексій Іванович Петренко | Іван Олексійович Петренко
Олексій Петренко | Олександр Петренко
Oleksii Petrenko | Oleh Petrenko
Алексей Петренко | Алексей Петров
Григорій Миколайович Руденко | Микола Григорович Руденко
Григорій Руденко | Георгій Руденко
Hryhorii Rudenko | Hennadii Rudenko
Тарас Богданович Мороз | Богдан Тарасович Мороз
Тарас Мороз | Роман Мороз
Taras Moroz | Taras Morozov
Павло Сергійович Ковальчук | Сергій Павлович Ковальчук
Павло Ковальчук | Петро Ковальчук
Pavlo Kovalchuk | Polina Kovalchuk
Петро Федорович Марченко | Федір Петрович Марченко
Петро Марченко | Павло Марченко
Petro Marchenko | Petro Martynenko
Ігор Вікторович Лисенко | Віктор Ігорович Лисенко
Ігор Лисенко | Ілля Лисенко
Ihor Lysenko | Ihor Lytvynenko
Максим Олександрович Кузьменко | Олександр Максимович Кузьменко
Максим Кузьменко | Марк Кузьменко
Maksym Kuzmenko | Maksym Kuzmin
Артем Вадимович Левченко | Вадим Артемович Левченко
Артем Левченко | Антон Левченко
Artem Levchenko | Artur Levchenko
Роман Ярославович Савчук | Ярослав Романович Савчук
Роман Савчук | Руслан Савчук
Roman Savchuk | Roman Savchenko
Василь Петрович Гаврилюк | Петро Васильович Гаврилюк
Василь Гаврилюк | Валерій Гаврилюк
Vasyl Havryliuk | Vasyl Havrylenko
Денис Олегович Зінченко | Олег Денисович Зінченко
Денис Зінченко | Дмитро Зінченко
Denys Zinchenko | Denys Zinchuk
Костянтин Ігорович Клименко | Ігор Костянтинович Клименко
Костянтин Клименко | Кирило Клименко
Kostiantyn Klymenko | Kostiantyn Klymchuk
Іван Іванович Іванов | Іван Петрович Іванов
Иван Иванович Иванов | Петр Иванович Иванов
Иван Иванов | Иван Петров
Иван Петров | Петр Иванов
Ivan Petrov | Petr Ivanov
Иван Иванов | Иванов Петр
Иванов Иван Иванович | Иванова Мария Ивановна
Сергей Петрович Смирнов | Петр Сергеевич Смирнов
Сергей Смирнов | Семён Смирнов
Sergei Smirnov | Sergei Smirnitsky
Алексей Дмитриевич Кузнецов | Дмитрий Алексеевич Кузнецов
Алексей Кузнецов | Аркадий Кузнецов
Aleksei Kuznetsov | Aleksandra Kuznetsova
Дмитрий Сергеевич Попов | Сергей Дмитриевич Попов
Дмитрий Попов | Денис Попов
Dmitry Popov | Dmitry Popovich
Андрей Николаевич Васильев | Николай Андреевич Васильев
Андрей Васильев | Анатолий Васильев
Andrei Vasilev | Andrei Vasilenko
Михаил Юрьевич Соколов | Юрий Михайлович Соколов
Михаил Соколов | Максим Соколов
Mikhail Sokolov | Mikhail Sokolovsky
Николай Александрович Морозов | Александр Николаевич Морозов
Николай Морозов | Никита Морозов
Nikolai Morozov | Nikolai Moroz
Евгений Викторович Волков | Виктор Евгеньевич Волков
Евгений Волков | Егор Волков
Yevgeny Volkov | Yevgeny Volkovsky
Пётр Алексеевич Фёдоров | Алексей Петрович Фёдоров
Пётр Фёдоров | Павел Фёдоров
Pyotr Fyodorov | Pyotr Fedotov
Юрий Иванович Ковалёв | Иван Юрьевич Ковалёв
Юрий Ковалёв | Юлий Ковалёв
Yuri Kovalyov | Yuri Kovalenko
Илья Сергеевич Соловьёв | Сергей Ильич Соловьёв
Илья Соловьёв | Игорь Соловьёв
Ilya Solovyov | Ilya Solovey
Георгий Павлович Григорьев | Павел Георгиевич Григорьев
Георгий Григорьев | Геннадий Григорьев
Фёдор Ильич Кузьмин | Илья Фёдорович Кузьмин
Фёдор Кузьмин | Филипп Кузьмин
Fyodor Kuzmin | Fyodor Kuzmenko
Ярослав Тарасович Гнатюк | Тарас Ярославович Гнатюк
Ярослав Гнатюк | Ярослава Гнатюк
Yaroslav Hnatiuk | Yaroslav Hnatenko
Богдан Остапович Стельмах | Остап Богданович Стельмах
Богдан Стельмах | Богдана Стельмах
Назар Вікторович Ковальський | Віктор Назарович Ковальський
Назар Ковальський | Назар Ковальчук
Nazar Kovalskyi | Natalia Kovalska
Вячеслав Анатольевич Зайцев | Анатолий Вячеславович Зайцев
Вячеслав Зайцев | Владислав Зайцев
Viacheslav Zaitsev | Vitalii Zaitsev
Кирилл Олегович Никитин | Олег Кириллович Никитин
Кирилл Никитин | Никита Кириллов
Kirill Nikitin | Nikita Kirillov
Станислав Игоревич Орлов | Игорь Станиславович Орлов
Станислав Орлов | Святослав Орлов
Олег Борисович Андреев | Борис Олегович Андреев
Олег Андреев | Андрей Олегов
Oleg Andreev | Andrei Olegov
Анна Ивановна Петрова | Мария Ивановна Петрова
Анна Петрова | Алина Петрова
Anna Petrova | Anna Petrovskaya
Анна Петрова | Иван Петров
Ольга Николаевна Смирнова | Ольга Петровна Смирнова
Ольга Смирнова | Олеся Смирнова
Olga Smirnova | Oleg Smirnov
Наталья Сергеевна Коваленко | Наталья Петровна Коваленко
Наталья Коваленко | Надежда Коваленко
Natalia Kovalenko | Nataliia Kovalchuk
Елена Викторовна Иванова | Елена Петровна Иванова
Елена Иванова | Алёна Иванова
Olena Ivanova | Oleh Ivanov
Татьяна Петровна Бондаренко | Тамара Петровна Бондаренко
Татьяна Бондаренко | Татьяна Бондарчук
Tetiana Bondarenko | Taras Bondarenko
Мария Андреевна Шевчук | Марина Андреевна Шевчук
Мария Шевчук | Марта Шевчук
Mariia Shevchuk | Mykhailo Shevchuk
Екатерина Юрьевна Волкова | Екатерина Павловна Волкова
Екатерина Волкова | Евгения Волкова
Ирина Олеговна Кузнецова | Инна Олеговна Кузнецова
Ирина Кузнецова | Ирина Кузьмина
Светлана Игоревна Попова | Снежана Игоревна Попова
Юлия Владимировна Мельник | Юлия Викторовна Мельник
Юлия Мельник | Юрий Мельник
Yuliia Melnyk | Yurii Melnyk
Евгения Лебедева | Евгений Лебедев
Анастасия Морозова | Анна Морозова
Людмила Ковальская | Лидия Ковальская
Галина Олейник | Ганна Олійник
Надежда Толстая | Наталья Толстая
Коваленко Олександр Миколайович | Коваленко Олександр Петрович
Коваленко Олександр Миколайович | Коваленко Микола Олександрович
Kovalenko Oleksandr Mykolaiovych | Kovalenko Mykola Oleksandrovych
KOVALENKO Oleksandr | KOVALENKO Serhii
KOVALENKO O. | KOVALENKO S.
Коваленко О.М. | Коваленко С.М.
Коваленко О.М. | Коваленко О.П.
Kovalenko O. M. | Kovalenko V. M.
Шевченко Тарас Григорович | Шевченко Григорій Тарасович
Шевчук Тарас Григорович | Шевчук Тарас Іванович
Грищенко Анатолій Миколайович | Грищенко Андрій Миколайович
Грищенко Анатолій | Гриценко Анатолій
Лук'яненко Левко Григорович | Лук'яненко Григорій Левкович
Дем'ян Короленко | Демид Короленко
Ілля Ільїн | Ілля Ільченко
Олена Ковальова | Олег Ковальов
Семён Журавлёв | Степан Журавлёв
Семён Ефимович Журавлёв | Ефим Семёнович Журавлёв
Иван Сергеевич Петров | Сергей Иванович Петров
Петр Петрович Петров | Петр Иванович Петров
Петр Петрович Петров | Павел Петрович Петров
Петр Петров | Петра Петрова
Александр Александрович Александров | Александр Сергеевич Александров
Alexander Alexandrov | Alexandra Alexandrova
Сергей Сергеевич Сергеев | Сергей Андреевич Сергеев
Андрей Андреевич Андреев | Андрей Николаевич Андреев
Николай Николаевич Николаев | Николай Петрович Николаев
Mykola Mykolaiovych Mykolaienko | Mykola Petrovych Mykolaienko
Ivan Ivanovych Ivanenko | Ivan Petrovych Ivanenko
Петро Петренко | Павло Петренко
Petro Petrenko | Pavlo Petrenko
Степан Степаненко | Стефан Степаненко
Максим Максименко | Марк Максименко
Иван Кузьмич Кузьмин | Кузьма Иванович Кузьмин
Ілля Ілліч Ільченко | Ілля Петрович Ільченко
Данило Данилюк | Денис Данилюк
Данило Данилюк | Данило Данильченко
Роман Романюк | Руслан Романюк
Роман Романюк | Роман Романенко
Тимофій Тимошенко | Тимур Тимошенко
Тимофій Тимошенко | Тимофій Тимченко
Федір Федоренко | Філіп Федоренко
Федір Федоренко | Федір Федорченко
Юхим Юхименко | Юрій Юхименко
Захар Захарченко | Захар Захаров
Остап Остапенко | Олег Остапенко
Назар Назаренко | Назар Назаров
Марко Марченко | Максим Марченко
Григорій Григоренко | Георгій Григоренко
Семен Семенко | Семен Семенов
Гнат Гнатюк | Гнат Гнатенко
Кирило Кириленко | Кирило Кириллов
Лука Лукашенко | Лука Лукаш
Мирон Мироненко | Мирослав Мироненко
Святослав Святенко | Станіслав Святенко
Ярема Яременко | Ярослав Яременко
Борис Борисенко | Богдан Борисенко
Герман Германенко | Геннадій Германенко
Михайло Михайленко | Микола Михайленко
Аркадій Аркадьєв | Артем Аркадьєв
Валентин Валенко | Валентина Валенко
Евгений Женченко | Евгения Женченко
Валерий Валеров | Валерия Валерова
Виталий Витальев | Виктор Витальев
Павел Павлов | Павел Павленко
Леонид Леонов | Леонид Леоненко
Арсений Арсеньев | Арсен Арсеньев
Тарас Тарасов | Тарас Тарасенко
Антон Антонов | Антонина Антонова
Вадим Вадимов | Вадим Вадимченко
Глеб Глебов | Глеб Глебенко
Ростислав Ростов | Рустам Ростов
Руслан Русланов | Руслан Русанов
Эдуард Эдуардов | Эдуард Эрдманов
Филипп Филиппов | Филипп Филиппенко
Lev Lvov | Lev Lvovsky
Anton Antonenko | Andrii Antonenko
Yurii Yurchenko | Yulian Yurchenko
Oleh Olehov | Olha Olehova
Bohdan Bohdanov | Bohdana Bohdanova
Vitalii Vitalenko | Viktor Vitalenko
Serhii Serhiienko | Stanislav Serhiienko
Oleksii Oleksiienko | Oleksandr Oleksiienko
Ihor Ihorenko | Illia Ihorenko
Nazar Nazarenko | Nestor Nazarenko
Zakhar Zakharchenko | Zinovii Zakharchenko
Fedir Fedorenko | Fedir Fedorchuk
Hryhorii Hryhorenko | Hryhorii Hryhorchuk
Ostap Ostapenko | Oleksii Ostapenko
Dmytro Dmytrenko | Denys Dmytrenko
Maksym Maksymenko | Mark Maksymenko
Danylo Danyliuk | Dmytro Danyliuk
Roman Romaniuk | Roman Romanenko
Kyrylo Kyrylenko | Kostiantyn Kyrylenko
Taras Tarasenko | Taras Tarasiuk
Vasyl Vasylenko | Valerii Vasylenko
Petro Petriv | Pavlo Petriv
Ivan Ivaniv | Ihor Ivaniv
Mykola Mykolaiv | Mykyta Mykolaiv
Andrii Andriienko | Anatolii Andriienko
Yaroslav Yaroshenko | Yaroslava Yaroshenko
Sofiia Sydorenko | Serhii Sydorenko
Iryna Ilchenko | Inna Ilchenko
Oksana Onyshchenko | Olena Onyshchenko
Liudmyla Lytvyn | Lidiia Lytvyn
Halyna Holovko | Hanna Holovko
Nadiia Nahorna | Nataliia Nahorna
Tetiana Tymoshenko | Tamara Tymoshenko
Viktoriia Vyshnevska | Valentyna Vyshnevska
Kateryna Kostenko | Kseniia Kostenko
Olha Ostapenko | Olesia Ostapenko
Yuliia Yakovenko | Yana Yakovenko
Mariia Martynenko | Marta Martynenko
Svitlana Stelmakh | Snizhana Stelmakh
Alina Antonenko | Alla Antonenko
Daria Demchenko | Diana Demchenko
Valeriia Vasylenko | Vira Vasylenko
Anastasiia Andriienko | Anna Andriienko
Oleksandra Oliinyk | Oleksandr Oliinyk
Yevheniia Yevtushenko | Yevhen Yevtushenko
Valentyna Voloshyn | Valentyn Voloshyn
`
