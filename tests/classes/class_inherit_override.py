# requires: classes
class Animal:
    sound = "..."
    def speak(self):
        return self.name() + " says " + self.sound
    def name(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def name(self):
        return "dog"
class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + "!"
for a in (Animal(), Dog(), Puppy()):
    print(a.speak())
print(Puppy.__bases__[0].__name__, isinstance(Puppy(), Animal))
