/* GPIO through SIO: one bank of 30 pins, function 5 on IO_BANK0. */
#include "rp2040.h"

void gpio_mode(uint32_t port, uint32_t pin, uint32_t mode) {
    (void)port;
    REG_SET(PADS_GPIO(pin)) = PADS_IE;
    REG_CLR(PADS_GPIO(pin)) = PADS_OD;
    GPIO_CTRL(pin) = GPIO_FUNC_SIO;
    if (mode == 1) {
        SIO_GPIO_OE_SET = 1u << pin;
    } else {
        SIO_GPIO_OE_CLR = 1u << pin;
    }
}

void gpio_write(uint32_t port, uint32_t pin, int value) {
    (void)port;
    if (value) {
        SIO_GPIO_OUT_SET = 1u << pin;
    } else {
        SIO_GPIO_OUT_CLR = 1u << pin;
    }
}

int gpio_read(uint32_t port, uint32_t pin) {
    (void)port;
    return (int)((SIO_GPIO_IN >> pin) & 1u);
}
