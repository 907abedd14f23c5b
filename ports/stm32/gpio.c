/* GPIO: the same register layout on F0, F4 and L4; where the ports are is the MCU's. */
#include "mpf.h"
#include "port.h"
#include "stm32.h"

void gpio_enable(uint32_t port) {
    uint32_t bit = 1u << (MPF_GPIO_ENABLE_BIT + port);
    if (!(REG32(MPF_GPIO_ENABLE_REG) & bit)) {
        REG32(MPF_GPIO_ENABLE_REG) |= bit;
        (void)REG32(MPF_GPIO_ENABLE_REG); /* a read back lets the clock reach the port */
    }
}

void gpio_mode(uint32_t port, uint32_t pin, uint32_t mode) {
    gpio_enable(port);
    GPIO_MODER(port) = (GPIO_MODER(port) & ~(3u << (2 * pin))) | (mode << (2 * pin));
}

void gpio_af(uint32_t port, uint32_t pin, uint32_t af) {
    uint32_t shift = 4 * (pin & 7);
    GPIO_AFR(port, pin) = (GPIO_AFR(port, pin) & ~(0xFu << shift)) | (af << shift);
    gpio_mode(port, pin, 2);
}

void gpio_write(uint32_t port, uint32_t pin, int value) {
    /* BSRR: set in the low half, reset in the high half, no read-modify-write */
    GPIO_BSRR(port) = value ? 1u << pin : 1u << (pin + 16);
}

int gpio_read(uint32_t port, uint32_t pin) {
    return (int)((GPIO_IDR(port) >> pin) & 1u);
}

/* machine.Pin (mpf.h): pin 16 * port + bit; the runtime has checked the port exists */
int mpf_port_pin_valid(uint32_t pin) {
    (void)pin;
    return 1;
}

int mpf_port_pin_config(uint32_t pin, int mode, int pull) {
    uint32_t port = pin / 16u, bit = pin % 16u;
    gpio_enable(port);
    /* PUPDR: 01 pull-up, 10 pull-down, as MPF_PIN_PULL_UP and _DOWN */
    GPIO_PUPDR(port) = (GPIO_PUPDR(port) & ~(3u << (2 * bit))) | ((uint32_t)pull << (2 * bit));
    if (mode == MPF_PIN_OPEN_DRAIN) {
        GPIO_OTYPER(port) |= 1u << bit;
    } else {
        GPIO_OTYPER(port) &= ~(1u << bit);
    }
    gpio_mode(port, bit, mode == MPF_PIN_IN ? 0 : 1);
    return 1;
}

/* the port's clock first: Pin(id, mode, value=v) sets the level before the mode */
void mpf_port_pin_write(uint32_t pin, int value) {
    gpio_enable(pin / 16u);
    gpio_write(pin / 16u, pin % 16u, value);
}

/* the pin's level (IDR), also for an output: what is on the wire */
int mpf_port_pin_read(uint32_t pin) {
    return gpio_read(pin / 16u, pin % 16u);
}
